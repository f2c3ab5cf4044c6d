"""The search index's domain dictionary: the field's terms kept whole when Chinese is segmented.

mkdocs-material segments Chinese with jieba at build time; without these words jieba splits
交流轮岗 into 交流 / 轮岗, and a search for 交流轮岗 ranks any clause about pupils' 交流 as high
as the teacher-rotation clause. Each term is written with a high frequency so that jieba
keeps it as one word.
"""

from __future__ import annotations

from pathlib import Path

DOMAIN_TERMS: tuple[str, ...] = (
    "交流轮岗", "轮岗交流", "教共体", "教育共同体", "城乡教育共同体", "学区制", "学区化",
    "学区长", "学区联盟", "集团化办学", "教育集团", "优质均衡", "基本均衡", "均衡发展",
    "结对帮扶", "城乡帮扶", "龙头校", "核心校", "成员校", "骨干教师", "名校长", "名教师",
    "县管校聘", "对口帮扶", "督导评估", "校际差异系数", "义务教育", "划片招生", "就近入学",
    "免试入学", "大班额", "控辍保学", "走教", "支教", "师资配置", "一体化管理",
)
FREQUENCY = 200000

# Compounds jieba's own dictionary keeps whole although a search must see their parts: 交流活动
# (pupils' exchange activities) is split so that it matches 交流 as any clause does, and a
# search for 交流轮岗 ranks on the rotation words rather than on a prefix of 交流活动.
SPLIT_TERMS: tuple[str, ...] = ("交流活动", "学习交流", "交流合作", "交流研讨")


def write_search_dictionary(folder: Path) -> Path:
    """Write the jieba user dictionary into ``folder`` and return its path."""
    path = folder / "jieba-domain.txt"
    lines = [f"{term} {FREQUENCY} n\n" for term in DOMAIN_TERMS]
    lines += [f"{term} 1 n\n" for term in SPLIT_TERMS]
    path.write_text("".join(lines), encoding="utf-8")
    return path
