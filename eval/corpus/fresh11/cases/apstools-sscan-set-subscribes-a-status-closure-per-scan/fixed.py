from ophyd import Component as Cpt
from ophyd import Device, EpicsSignal, EpicsSignalRO
from ophyd.status import DeviceStatus


class SscanRecord(Device):
    """EPICS synApps sscan record: used as ``$(P):scan(N)``"""

    desc = Cpt(EpicsSignal, ".DESC", kind="config")
    faze = Cpt(EpicsSignalRO, ".FAZE", kind="config")
    number_points = Cpt(EpicsSignal, ".NPTS", kind="config")
    current_point = Cpt(EpicsSignalRO, ".CPT", kind="normal")
    execute_scan = Cpt(EpicsSignal, ".EXSC", kind="omitted")

    def set(self, value, **kwargs):
        """interface to use bps.mv()"""
        if value != 1:
            return

        working_status = DeviceStatus(self)
        started = False

        def execute_scan_cb(value, timestamp, **kwargs):
            value = int(value)
            if started and value == 0:
                working_status._finished()
                self.execute_scan.clear_sub(execute_scan_cb)

        self.execute_scan.subscribe(execute_scan_cb)

        self.execute_scan.set(1)
        started = True
        return working_status

    def reset(self):
        """set all fields to default values"""
        self.desc.put(self.desc.pvname.split(".")[0])
        self.number_points.put(1000)
