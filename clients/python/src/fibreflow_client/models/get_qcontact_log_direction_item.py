from enum import StrEnum

class GetQcontactLogDirectionItem(StrEnum):
    FF_TO_FIBERTIME = "ff_to_fibertime"
    FF_TO_QC = "ff_to_qc"
    FIBERTIME_TO_FF = "fibertime_to_ff"
    QC_TO_FF = "qc_to_ff"

    def __str__(self) -> str:
        return str(self.value)
