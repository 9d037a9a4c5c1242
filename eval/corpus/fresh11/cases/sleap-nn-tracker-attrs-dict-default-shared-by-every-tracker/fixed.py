from typing import Any, Dict, Optional

import attrs
import sleap_io as sio

from sleap_nn.tracking.track_instance import TrackInstances
from sleap_nn.tracking.utils import compute_oks, compute_iou, hungarian_matching, greedy_matching


@attrs.define
class Tracker:
    candidate: Any = None
    features: str = "keypoints"
    scoring_method: str = "oks"
    track_matching_method: str = "hungarian"
    is_local_queue: bool = False
    max_tracks: Optional[int] = None
    _scoring_functions: Dict[str, Any] = {
        "oks": compute_oks,
        "iou": compute_iou,
    }
    _track_matching_methods: Dict[str, Any] = {
        "hungarian": hungarian_matching,
        "greedy": greedy_matching,
    }
    _track_objects: Dict[int, sio.Track] = attrs.field(factory=dict)

    @classmethod
    def from_config(cls, candidates_method: str = "fixed_window", use_flow: bool = False, **kwargs):
        tracker_cls = FlowShiftTracker if use_flow else Tracker
        return tracker_cls(is_local_queue=candidates_method == "local_queues", **kwargs)

    def track(self, untracked_instances, frame_idx: int, image=None):
        current_instances = self.get_features(untracked_instances, frame_idx, image)
        candidates_list = self.candidate.get_candidates()
        if candidates_list:
            scores = self.get_scores(current_instances, candidates_list)
            current_tracked_instances = self.assign_tracks(current_instances, scores)
        else:
            current_tracked_instances = self.candidate.add_new_tracks(current_instances)

        new_pred_instances = []
        if self.is_local_queue:
            for instance in current_tracked_instances:
                if instance.track_id is not None:
                    if instance.track_id not in self._track_objects:
                        self._track_objects[instance.track_id] = sio.Track(f"track_{instance.track_id}")
                    instance.src_instance.track = self._track_objects[instance.track_id]
                new_pred_instances.append(instance.src_instance)
        else:
            for idx, inst in enumerate(current_tracked_instances.src_instances):
                track_id = current_tracked_instances.track_ids[idx]
                if track_id is not None:
                    if track_id not in self._track_objects:
                        self._track_objects[track_id] = sio.Track(f"track_{track_id}")
                    inst.track = self._track_objects[track_id]
                    new_pred_instances.append(inst)
        return new_pred_instances

    def get_features(self, untracked_instances, frame_idx, image=None):
        return TrackInstances(src_instances=untracked_instances, frame_idx=frame_idx, image=image)

    def get_scores(self, current_instances, candidates):
        return self._scoring_functions[self.scoring_method](current_instances, candidates)

    def assign_tracks(self, current_instances, scores):
        return self._track_matching_methods[self.track_matching_method](current_instances, scores)


@attrs.define
class FlowShiftTracker(Tracker):
    of_img_scale: float = 1.0
    of_window_size: int = 21
