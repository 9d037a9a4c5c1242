from __future__ import annotations

from collections import OrderedDict


class TdmsReader:
    def __init__(self, file) -> None:
        self._file = open(file, "rb") if isinstance(file, str) else file
        self.object_metadata: dict = {}

    def read_metadata(self) -> None:
        self.object_metadata = {"/'group'/'channel'": {"num_values": 0, "properties": {}}}

    def read_raw_data_for_channel(self, path: str, offset: int = 0, length=None):
        yield from ()

    def close(self) -> None:
        self._file.close()


class TdmsGroup:
    def __init__(self, name: str, channels: list) -> None:
        self.name = name
        self._channels = OrderedDict((c.name, c) for c in channels)

    def channels(self) -> list:
        return list(self._channels.values())


class TdmsFile:
    def __init__(self, file, raw_timestamps: bool = False, keep_open: bool = False) -> None:
        self._raw_timestamps = raw_timestamps
        self._groups: OrderedDict = OrderedDict()
        self._reader = None
        reader = TdmsReader(file)
        try:
            self._read_file(reader)
        finally:
            if keep_open:
                self._reader = reader
            else:
                reader.close()

    def groups(self) -> list:
        return list(self._groups.values())

    def _read_file(self, tdms_reader: TdmsReader) -> None:
        tdms_reader.read_metadata()
        group_channels: dict = {}
        for path, obj in tdms_reader.object_metadata.items():
            group, _, name = path.strip("/").partition("/")
            channel = TdmsChannel(self, name, obj["num_values"], obj["properties"])  # LEAK
            group_channels.setdefault(group, []).append(channel)
        for group, channels in group_channels.items():
            self._groups[group] = TdmsGroup(group, channels)  # LEAK

    def _get_reader(self) -> TdmsReader:
        if self._reader is None:
            raise RuntimeError("Cannot read data after the underlying TDMS reader is closed")
        return self._reader

    def _read_channel_data(self, channel: "TdmsChannel", offset: int = 0, length=None) -> list:
        data: list = []
        for chunk in self._get_reader().read_raw_data_for_channel(channel.name, offset, length):
            data.extend(chunk)
        return data


class TdmsChannel:
    def __init__(self, tdms_file: TdmsFile, name: str, number_values: int, properties: dict) -> None:
        self._tdms_file = tdms_file  # LEAK
        self.name = name
        self._length = number_values
        self.properties = properties
        self._data = None

    def __len__(self) -> int:
        return self._length

    def read_data(self, offset: int = 0, length=None) -> list:
        return self._tdms_file._read_channel_data(self, offset, length)
