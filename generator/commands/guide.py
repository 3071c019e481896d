"""``python -m generator schema``: the staff guide to content files, generated from the code that
enforces them: the schema models, the content limits and the attachment rules."""

from __future__ import annotations

import inspect
import typing

from pydantic import BaseModel

from ..analysis import finder
from ..content import attachments, limits
from ..schema import disclosure, disclosure_item, evidence, report, unit

DOCUMENTED: list[tuple[type[BaseModel], str]] = [
    (unit.Unit, "content/unit.yaml"),
    (report.Report, "content/reports/<thư-mục>/report.yaml"),
    (report.Basis, "một mục trong basis của report.yaml"),
    (report.Section, "một mục trong sections của report.yaml"),
    (report.Signature, "signature trong report.yaml"),
    (report.Appendix, "appendix trong report.yaml"),
    (report.Task, "content/reports/<thư-mục>/tasks/nhiem-vu-NN.yaml"),
    (report.TaskColumn, "một mục trong other_columns của nhiệm vụ"),
    (report.Figure, "một mục trong figures của nhiem-vu-NN.yaml"),
    (evidence.Evidence, "content/evidence/<mã>.yaml"),
    (unit.Leader, "một mục trong leaders của content/unit.yaml"),
    (unit.FocalPoint, "focal_point trong content/unit.yaml"),
    (disclosure_item.DisclosureItem, "content/disclosure/items/<mã>.yaml"),
    (disclosure_item.Period, "period trong một thông tin công khai"),
    (disclosure_item.Budget, "budget trong một thông tin công khai (chuyên mục ngân sách)"),
    (disclosure_item.ReportingPeriod, "reporting_period: kỳ báo cáo, kỳ số liệu"),
    (disclosure_item.Plan, "plan trong một thông tin công khai (chuyên mục kế hoạch)"),
    (disclosure_item.Project, "project trong một thông tin công khai (đầu tư công, mua sắm công)"),
    (disclosure_item.Fund, "fund trong một thông tin công khai (phí, lệ phí, quỹ, đóng góp)"),
    (disclosure_item.Statistics, "statistics trong một thông tin công khai (thống kê)"),
    (disclosure_item.Consultation, "consultation trong một thông tin công khai (lấy ý kiến dự thảo)"),
    (disclosure_item.Correction, "correction trong một thông tin công khai (đính chính)"),
    (disclosure_item.NewsPost, "content/news/<mã>.yaml"),
    (disclosure_item.DaysOff, "content/disclosure/ngay-nghi.yaml"),
    (disclosure_item.DayNote, "một mục trong days_off hoặc working_days của ngay-nghi.yaml"),
    (disclosure_item.UnitProfile, "content/disclosure/gioi-thieu.yaml"),
    (disclosure_item.Relic, "một mục trong relics của gioi-thieu.yaml"),
    (disclosure_item.AccessSection, "content/disclosure/tiep-can-thong-tin.yaml"),
    (disclosure_item.RequestForm, "một mục trong request_forms của tiep-can-thong-tin.yaml"),
    (disclosure_item.ConditionalInfo, "một mục trong conditional của tiep-can-thong-tin.yaml"),
    (disclosure.CategoryList, "content/disclosure/categories.yaml"),
    (disclosure.LegalText, "một mục trong legal_texts của categories.yaml"),
    (disclosure.Category, "một mục trong categories của categories.yaml"),
    (disclosure.Obligation, "một mục trong obligations của một chuyên mục"),
    (disclosure.Rule, "một mục trong rules của một quy định"),
    (disclosure.Citation, "một căn cứ trong basis"),
]


def schema_markdown() -> str:
    lines = ["# Hướng dẫn các trường nội dung", "",
             "Tệp này được tạo tự động từ các tệp trong `generator/schema/` bằng `python -m generator schema`. "
             "Đừng sửa tay.", ""]
    for model, where in DOCUMENTED:
        lines += [f"## {model.__name__} — `{where}`", "", inspect.getdoc(model) or "", "",
                  "| Trường | Bắt buộc | Ý nghĩa |", "| --- | --- | --- |"]
        for name, field in model.model_fields.items():
            required = "có" if field.is_required() else "không"
            meaning = field.description or _type_name(field.annotation)
            lines.append(f"| `{field.alias or name}` | {required} | {meaning} |")
        lines.append("")
    lines += ["## Số liệu được kiểm tra thế nào", "", *(f"- {rule}" for rule in finder.STAFF_GUIDE), ""]
    lines += ["## Giới hạn", "", *(f"- {rule}" for rule in limits.STAFF_GUIDE),
              f"- Tệp đính kèm: chỉ nhận {attachments.ALLOWED_TEXT}, mỗi tệp không quá {attachments.MAX_MB} MB; "
              "nội dung tệp phải đúng loại ghi ở đuôi tệp (không nhận HTML, SVG, chương trình).",
              "- Mọi tệp trong content/ phải là tệp nội dung đặt đúng chỗ (đuôi .yaml, chữ thường) hoặc tệp đính kèm "
              "được một tài liệu dùng; tệp khác bị báo lỗi.", ""]
    return "\n".join(lines)


def _type_name(annotation: object) -> str:
    origin = typing.get_origin(annotation)
    if origin is list:
        inner = typing.get_args(annotation)[0]
        return f"danh sách {getattr(inner, '__name__', 'giá trị')}"
    return getattr(annotation, "__name__", str(annotation))
