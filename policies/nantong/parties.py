"""Nantong's responsible parties (责任主体) and the names of its areas."""

from __future__ import annotations

from xuequ_rules.policy.dsl import (
    Cite,
    zh_en,
)

C = Cite

# ── responsible parties (责任主体) ────────────────────────────────────────────
CITY_GOV = zh_en("市政府", "municipal government")
TWO_LEVEL_GOVS = zh_en("市、区两级政府（管委会）",
                       "city and district governments (park management committees)")
DISTRICTS = zh_en("各区（含园区管委会）", "each district (and park management committee)")
TWO_LEVEL_EDU = zh_en("市、区两级教育部门", "city and district education departments")
EDU_DEPT = zh_en("教育部门", "education departments")
LOCALITIES_DEPTS = zh_en("各地、各部门", "all localities and departments")
DISTRICTS_DEPTS = zh_en("各区、各部门", "all districts and departments")
ALL_BODIES = zh_en("各有关部门、单位和学校", "all departments, units and schools concerned")
STAFFING = zh_en("编制部门", "staffing (establishment) authority")
STAFFING_EDU = zh_en("编制部门会同教育部门", "staffing authority with the education department")
HR = zh_en("人事部门", "personnel authority")
FINANCE = zh_en("财政部门", "finance departments")
INSPECTORATE = zh_en("市政府教育督导室", "municipal education inspectorate")
CITY_LEVEL = zh_en("市级（市政府及市教育部门）", "city level (government and education bureau)")
SCHOOLS = zh_en("各义务教育学校", "compulsory-education schools")
MAIN_URBAN = zh_en("崇川区、港闸区、南通开发区和苏通科技产业园区",
                   "Chongchuan, Gangzha, the Development Zone and the Sutong park")
TZ_BH = zh_en("通州区、滨海园区", "Tongzhou district and the Binhai park")
CITY_DISTRICT_SCHOOL = zh_en("市、区、学校", "city, districts and schools")
SOCIAL_VENUES = zh_en("各类博物馆、科技馆、文化馆、图书馆、展览馆、青少年校外活动场所和综合实践基地等机构",
                      "museums, science centres, cultural centres, libraries, exhibition halls, "
                      "youth activity venues and practice bases")
TEACHER_GRADUATES = zh_en("师范生（定向免费培养）", "student teachers (free directed training)")
DISTRICTS_SCHOOLS = zh_en("各区、各学校", "districts and schools")

# ── the areas and their names (the text uses several names for one area) ───────
CITY_AREA = ("市区", "南通市区")
CHONGCHUAN = ("崇川区",)
GANGZHA = ("港闸区",)
DEV_ZONE = ("南通开发区", "市经济技术开发区", "南通经济技术开发区")
SUTONG = ("苏通科技产业园区", "南通苏通科技产业园区", "苏通园区")
TONGZHOU = ("通州区",)
BINHAI = ("滨海园区", "南通滨海园区")
