"""The responsible parties (责任主体) the Ziyang plan names, and the compulsory stages."""

from __future__ import annotations

from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Cite, zh_en

C = Cite
BUREAU = zh_en("县教体局", "county education and sports bureau")
BUREAU_PARTY = zh_en("县教体局党委", "party committee of the county education and sports bureau")
LEADING_GROUP = zh_en("县委教育工作领导小组", "county party committee's education leading group")
COUNTY_PARTY = zh_en("县委", "county party committee")
COMMUNITY = zh_en("各教共体", "each education community")
COMMUNITY_PARTY = zh_en("县教共体党委", "county education-community party committee")
HEAD_SCHOOL = zh_en("总校（核心校）", "head (core) school of a community")
CORE_SCHOOL = zh_en("核心校", "core school")
COMMUNITY_SCHOOLS = zh_en("教共体内各学校", "schools of the education communities")
SCHOOLS = zh_en("各中小学校", "every primary and secondary school")
TOWN_SCHOOLS = zh_en("各镇九年制学校或镇中心小学", "each town's nine-year school or central "
                     "primary school")
TRAINING_CENTRE = zh_en("县师训教研中心", "county teacher-training and research centre")
DEPARTMENTS = zh_en("教体、编制、人社、财政等部门", "education, staffing, human-resources and "
                    "finance departments")
MENTORS = zh_en("教共体内的骨干校长、骨干教师", "backbone principals and teachers of a community")
COMMUNITIES = zh_en("教共体", "the education communities")
COMMUNITY_SCHOOLS_SHORT = zh_en("教共体学校", "schools of the education communities")
EACH_SCHOOL = zh_en("教共体各校", "each school of a community")
DECISION_BODIES = zh_en("教共体校长办公会议、教共体党委（党总支）",
                        "the community's principals' meeting and its party committee")
COMPULSORY_STAGES = (Stage.PRIMARY.value, Stage.JUNIOR.value, Stage.NINE_YEAR.value,
                     Stage.TEACHING_POINT.value)
