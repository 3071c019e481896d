"""The portal's part of the nav: one entry per category, never one per item or post.

Categories are a short, fixed list (task 7 has 13), so the nav stays bounded however many
items are published; items and posts are reached from their category's page.
"""

from __future__ import annotations

from . import disclosure_paths
from .content import Content


def build(content: Content) -> list:
    disclosure = content.disclosure
    if disclosure is None:
        return []
    children: list = [
        disclosure_paths.PORTAL,
        {"Danh mục thông tin phải được công khai": disclosure_paths.CATALOGUE},
        {"Tình trạng công khai": disclosure_paths.STATUS},
    ]
    children += [{c.title: disclosure_paths.category_page(c)} for c in disclosure.categories]
    return [{"Công khai thông tin": children}]
