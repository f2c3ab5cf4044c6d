"""Concepts: the vocabulary that lets two policies' rules and numbers be compared.

Every ``concept=`` of a rule or a parameter is declared once, with a Chinese and an English
label and a one-line definition: the concepts two or more documents share are declared here;
a package declares its own (``Policy(concepts=...)``). An undeclared concept is a load error.
Two provisions that share a word but not a meaning get different concepts (Liujiang's 学区
六统一 lists other matters than Ziyang's 教共体 六统一).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from xuequ_rules.text import Text, zh_en

if TYPE_CHECKING:
    from xuequ_rules.policy.policy import Policy


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea a rule or a number expresses, named once."""

    id: str
    label: Text
    definition: Text


def concept(id: str, zh: str, en: str, definition_zh: str, definition_en: str) -> Concept:
    return Concept(id, zh_en(zh, en), zh_en(definition_zh, definition_en))


SHARED_CONCEPTS: tuple[Concept, ...] = (
    concept("plan.phase_completed", "实施阶段按期完成", "plan phase completed on time",
            "方案所定的一个实施阶段在其截止日期前完成",
            "a phase the plan sets is completed by its end date"),
    concept("students.records", "学籍档案", "pupil records",
            "学校为学生建立并管理学籍档案", "the school keeps a registration record for each pupil"),
    concept("teacher.county_managed_school_hired", "教师“县管校聘”", "teachers managed by the "
            "county, hired by schools", "教师由县（区）统一管理、学校按岗聘用，统筹调配",
            "teachers belong to the county (district) and are hired by schools, so they can be "
            "allocated across schools"),
    concept("teacher.rural_allowance", "乡村教师倾斜待遇", "support for rural teachers",
            "乡村（农村）教师在工资、补助、职称等方面得到倾斜",
            "rural teachers are favoured in pay, allowances or professional titles"),
    concept("teacher_exchange.system", "教师交流轮岗制度", "teacher rotation system",
            "建立并实行教师在学校之间交流轮岗的制度",
            "a system under which teachers rotate between schools"),
    concept("teacher_exchange.min_share_per_year", "教师交流轮岗最低比例",
            "minimum yearly share of teachers rotated",
            "每年交流轮岗教师占符合交流条件教师的最低比例",
            "the least share of eligible teachers who rotate in a year"),
    concept("zone.allowed_forms", "学区组建形式", "forms a zone may take",
            "学区可以采取的组建形式（城乡帮扶、集团化办学、学校联盟等）",
            "the forms in which a zone may be organised (assistance, education group, alliance…)"),
    concept("zone.assistance_quality_schools", "帮扶学区的优质学校数",
            "quality schools in an assistance zone",
            "城乡帮扶形式的学区中应有的优质（龙头）学校数",
            "how many quality (lead) schools an urban-rural assistance zone has"),
    concept("zone.group_lead_school", "教育集团龙头学校", "lead school of an education group",
            "教育集团以一所优质学校为龙头（牵头学校）",
            "an education group is led by a quality school"),
    concept("zone.resource_sharing", "学区（教共体）内资源共享", "resource sharing within a zone",
            "学区或教共体内的学校共享资源、优势互补",
            "schools of a zone or community share resources and complement one another"),
    concept("zone.six_unifications", "学区“六统一”（资源配置至质量评价）",
            "a zone's six unifications (resources to quality evaluation)",
            "学区内统一资源配置、师资调配、教学管理、教学研究、学校招生、质量评价",
            "within a zone: one allocation of resources and teachers, one teaching management "
            "and research, one admission and one quality evaluation"),
)


def concept_table(own: Iterable[Concept] = ()) -> dict[str, Concept]:
    """The shared concepts and a package's own, by id (an own concept may not redefine one)."""
    table = {c.id: c for c in SHARED_CONCEPTS}
    for item in own:
        if item.id in table:
            from xuequ_rules.errors import PolicyDefinitionError

            raise PolicyDefinitionError(
                f"概念 {item.id} 已声明（共享词汇或本包中重复），不能重复声明",
                f"concept {item.id} is declared twice (shared vocabulary or the package)",
                field=f"concepts.{item.id}")
        table[item.id] = item
    return table


def concept_label(policy: Policy, concept_id: str) -> Text:
    """The label of a concept as ``policy`` declares it (the id itself if it has none)."""
    found = policy.concept(concept_id)
    return found.label if found is not None else Text(concept_id, concept_id)
