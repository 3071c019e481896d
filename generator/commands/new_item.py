"""``python -m generator new item --category <slug>``: a commented YAML skeleton for staff.

Comments come from the schema's field descriptions, so the skeleton never drifts from it.
Required fields are left blank on purpose: the item fails ``make check`` until a clerk
fills it in, so a skeleton can never be published as if it were real.
"""

from __future__ import annotations

import datetime as dt
import sys
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..analysis.legal import rule_text
from ..content.disclosure import CATEGORIES_FILE, FILES_DIR, ITEMS_DIR, in_force
from ..content.disclosure.checks import SECTION_KIND
from ..content.yamlfile import parse_model, read_yaml
from ..problems import ContentError, Problem
from ..render.env import render_text
from ..schema.disclosure import CategoryList, PublicationForm, RuleKind
from ..schema.disclosure.item import SECTIONS, DisclosureItem, Period
from ..util.suggest import suggest
from ..util.text import ID_RULE, is_id


@dataclass(frozen=True)
class NewItem:
    path: Path
    attachment_dir: str   # where to put the attachment, relative to content/


def categories(content_dir: Path, project_dir: Path) -> CategoryList:
    path = content_dir / CATEGORIES_FILE
    name = path.relative_to(project_dir).as_posix() if path.is_relative_to(project_dir) else path.as_posix()
    if not path.is_file():
        raise ContentError([Problem(name, None, "", "không tìm thấy danh sách chuyên mục",
                                    expected="tệp content/disclosure/categories.yaml")])
    settings, problems = parse_model(CategoryList, read_yaml(path, name))
    if settings is None:
        raise ContentError(problems)
    return settings


def write_skeleton(content_dir: Path, project_dir: Path, category_slug: str, item_id: str | None = None,
                   today: dt.date | None = None) -> NewItem:
    if item_id == "index":
        raise ContentError([Problem("--id", None, "", "mã 'index' là tên trang của chuyên mục, không dùng được làm "
                                    "mã thông tin", found=repr(item_id),
                                    expected="một mã khác, ví dụ tb-15-ubnd-2024")])
    if item_id is not None and not is_id(item_id):
        # The id is a file name and a page address: nothing else can leave content/ or break the site.
        raise ContentError([Problem("--id", None, "", "mã không dùng được làm tên tệp và địa chỉ trang",
                                    found=repr(item_id), expected=f"{ID_RULE}, ví dụ tb-15-ubnd-2024")])
    settings = categories(content_dir, project_dir)
    known = [c.slug for c in settings.categories]
    if category_slug not in known:
        close = suggest(category_slug, known)
        raise ContentError([Problem("--category", None, "", f"không có chuyên mục '{category_slug}'",
                                    found=repr(category_slug),
                                    expected=f"có phải ý bạn là '{close}'?" if close
                                    else "một trong: " + ", ".join(known))])
    folder = content_dir / ITEMS_DIR
    path = folder / f"{item_id or _free_id(folder, category_slug, today or dt.date.today())}.yaml"
    if path.exists():
        raise ContentError([Problem(path.name, None, "", "tệp đã có, không ghi đè", expected="chọn mã khác bằng --id")])
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(settings, category_slug, today or dt.date.today()), encoding="utf-8")
    return NewItem(path, f"{FILES_DIR}/{category_slug}/")


def skeleton(settings: CategoryList, category_slug: str, today: dt.date) -> str:
    """The item's fields with their descriptions; of the optional sections, only the category's own."""
    category = next(c for c in settings.categories if c.slug == category_slug)
    own = [name for name in SECTIONS if SECTION_KIND[name] is category.kind]
    fields = [{"name": name, "description": f.description, "required": f.is_required(),
               "section": _section_fields(f.annotation) if name in own else None}
              for name, f in DisclosureItem.model_fields.items() if name not in SECTIONS or name in own]
    obligation = in_force(category, today) or category.obligations[-1]
    minimum = [r.days for o in category.obligations for r in o.rules if r.kind is RuleKind.minimum and r.days]
    return render_text("item.yaml.j2", category=category, fields=fields,
                       rules="; ".join(rule_text(r) for r in obligation.rules) or "không có thời hạn riêng",
                       website=PublicationForm.website.value, notice_board=PublicationForm.notice_board.value,
                       min_days=max(minimum, default=None), period_fields=Period.model_fields)


def _section_fields(annotation: object) -> list[dict[str, object]]:
    model = next(a for a in typing.get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel))
    return [{"name": f.alias or name, "description": f.description, "required": f.is_required()}
            for name, f in model.model_fields.items()]


def _free_id(folder: Path, category_slug: str, today: dt.date) -> str:
    base = f"{category_slug}-{today:%Y%m%d}"
    candidate, n = base, 1
    while (folder / f"{candidate}.yaml").exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def run(content_dir: Path, project: Path, category: str, item_id: str | None) -> int:
    try:
        created = write_skeleton(content_dir, project, category, item_id)
    except ContentError as exc:
        print("\n".join(str(p) for p in exc.problems) + "\nChưa tạo tệp nào.", file=sys.stderr)
        return 1
    shown = created.path.relative_to(project) if created.path.is_relative_to(project) else created.path
    print(f"Đã tạo {shown.as_posix()}: điền các trường theo ghi chú trong tệp rồi chạy make check.")
    print(f"Tệp đính kèm (nếu có): đặt vào content/{created.attachment_dir} "
          f"và ghi vào trường attachment, ví dụ attachment: {created.attachment_dir}ten-tep.pdf")
    return 0
