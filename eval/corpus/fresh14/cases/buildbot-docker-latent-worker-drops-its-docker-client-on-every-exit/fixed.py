import logging
from io import BytesIO
from typing import Any, Dict, List, Optional

import docker
from docker.errors import APIError, NotFound

log = logging.getLogger(__name__)


class CannotSubstantiate(Exception):
    pass


class FailedToSubstantiate(Exception):
    pass


class DockerLatentWorker:
    def __init__(self, name: str, client_args: Dict[str, Any], command: List[str],
                 autopull: bool = True) -> None:
        self.name = name
        self.client_args = client_args
        self.command = command
        self.autopull = autopull
        self.instance: Optional[Dict[str, Any]] = None
        self.conn: Any = None
        self._curr_client_args: Optional[Dict[str, Any]] = None

    def _get_client(self, args: Dict[str, Any]) -> docker.APIClient:
        return docker.APIClient(**args)

    def _image_exists(self, client: docker.APIClient, name: str) -> bool:
        for image in client.images():
            for tag in image["RepoTags"] or []:
                if tag == name or tag.startswith(name + ":"):
                    return True
        return False

    def _thd_start_instance(self, docker_host: str, image: str, dockerfile: Optional[str]) -> List[str]:
        args = dict(self.client_args, base_url=docker_host)
        client = self._get_client(args)
        container_name = "buildbot-%s" % self.name
        for old in client.containers(all=1, filters={"name": container_name}):
            if "/" + container_name not in old["Names"]:
                continue
            try:
                client.remove_container(old["Id"], v=True, force=True)
            except NotFound:
                pass
        if dockerfile is not None and not self._image_exists(client, image):
            for line in client.build(fileobj=BytesIO(dockerfile.encode("utf-8")), tag=image):
                log.info("%s", line)
        if not self._image_exists(client, image) and self.autopull:
            client.pull(image)
        if not self._image_exists(client, image):
            msg = 'image "%s" not found on the docker host' % image
            log.info(msg)
            client.close()
            raise CannotSubstantiate(msg)
        instance = client.create_container(image, self.command, name=container_name)
        if instance.get("Id") is None:
            log.info("failed to create the container")
            client.close()
            raise FailedToSubstantiate("failed to start the container")
        instance["image"] = image
        self.instance = instance
        self._curr_client_args = args
        try:
            client.start(instance)
        except APIError as e:
            client.close()
            if "does not match the host operating system" in str(e):
                raise CannotSubstantiate("wrong image: %s" % e) from e
            raise
        log.info("container %s started", instance["Id"][:6])
        client.close()
        return [instance["Id"], image]

    def _thd_stop_instance(self, instance: Dict[str, Any], args: Dict[str, Any], fast: bool) -> None:
        client = self._get_client(args)
        client.stop(instance["Id"])
        if not fast:
            client.wait(instance["Id"])
        client.remove_container(instance["Id"], v=True, force=True)
        try:
            client.remove_image(image=instance["image"])
        except APIError as e:
            log.info("error while removing the image: %s", e)
        client.close()
