#!/usr/bin/env python3
"""Writes SYNTHETIC later-year notices derived from the real seed 000
(samples/chongqing_2021_municipal_incubation_base_grades.txt), for the
cross-year tests. They are invented test data, not published notices: every
file says so in its name and in its first line.

  python3 tests/synthetic/make_synthetic_years.py   # rewrites the two files

2021 -> 2022 (chongqing_2022_SYNTHETIC_grades.txt):
  upgraded    重庆微企梦工场                 合格 -> 良好
  downgraded  京东云（重庆）创业孵化基地     优秀 -> 良好, renamed 京东云【重庆】创业孵化基地 (other brackets)
  revoked     吉之汇农贸电商创业孵化基地     不合格 -> 取消命名
  dropped     芸山创业孵化基地               absent
  new         重庆渝创科技孵化器有限责任公司 (渝北区) 合格
  renamed     D+M浪尖智造工场 -> D + M浪尖智造工场 (inner spaces)
  renamed     重庆大地创业孵化基地 -> 重庆市大地创业孵化基地 (重庆市 prefix added)
  every other base keeps its grade (unchanged)
2022 -> 2023 (chongqing_2023_SYNTHETIC_grades.txt):
  renamed     重庆渝创科技孵化器有限责任公司 -> 重庆渝创科技孵化器有限公司 (有限公司 for 有限责任公司)
  upgraded    重庆渝创科技孵化器有限公司     合格 -> 良好
  the revoked base is absent; every other base keeps its grade
"""
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/golden/chongqing_2021_municipal_incubation_base_grades.tsv"
GRADES = ["优秀", "良好", "合格", "不合格"]


def seed_records():
    with open(GOLDEN, encoding="utf-8") as f:
        return [dict(r) for r in csv.DictReader(f, delimiter="\t")]


def year_2022(records):
    out = []
    for r in records:
        r = dict(r)
        name = r["name"]
        if name == "芸山创业孵化基地":
            continue
        if name == "重庆微企梦工场":
            r["grade"] = "良好"
        if name == "京东云（重庆）创业孵化基地":
            r["grade"], r["name"] = "良好", "京东云【重庆】创业孵化基地"
        if name == "吉之汇农贸电商创业孵化基地":
            r["cell"] = "取消命名"
        if name == "D+M浪尖智造工场":
            r["name"] = "D + M浪尖智造工场"
        if name == "重庆大地创业孵化基地":
            r["name"] = "重庆市大地创业孵化基地"
        out.append(r)
    out.append({"region_raw": "渝北区", "name": "重庆渝创科技孵化器有限责任公司", "grade": "合格"})
    return out


def year_2023(records):
    out = []
    for r in records:
        r = dict(r)
        if r.get("cell") == "取消命名":
            continue
        if r["name"] == "重庆渝创科技孵化器有限责任公司":
            r["name"], r["grade"] = "重庆渝创科技孵化器有限公司", "良好"
        out.append(r)
    return out


def render(year, records):
    by_grade = {g: [r for r in records if r["grade"] == g] for g in GRADES}
    graded = {g: [r for r in by_grade[g] if not r.get("cell")] for g in GRADES}  # revoked ones aside
    counts = "；".join(f"{graded[g][0]['name']}等{len(graded[g])}家基地为{g}等级" for g in GRADES)
    lines = [
        f"【合成测试数据：据2021年真实通知改写的{year}年虚构通知，非公开发布文件】",
        f"渝人社〔{year}〕9999号",
        "重庆市人力资源和社会保障局重庆市财政局",
        "",
        f"关于公布{year}年市级创业孵化基地（园区）",
        "",
        "年度绩效评估等级的通知",
        "",
        f"各区县（自治县）人力社保局：",
        "",
        f"对全市{len(records)}家在孵创业孵化基地（园区）开展了年度绩效评估，确定{counts}。",
        "",
        "重庆市人力资源和社会保障局",
        "",
        f"{year}年11月24日",
        "",
    ]
    for i, g in enumerate(GRADES, 1):
        lines += [f"附件{i}", "", f"{year}年市级创业孵化基地年度绩效评估{g}等级", "",
                  "\t序号", "\t区县", "\t基地名称", "\t等级", ""]
        for seq, r in enumerate(by_grade[g], 1):
            lines += [f"\t{seq}", f"\t{r['region_raw']}", f"\t{r['name']}", f"\t{r.get('cell') or g}", ""]
        lines.append("")
    return "\n".join(lines)


def main():
    y2022 = year_2022(seed_records())
    y2023 = year_2023(y2022)
    here = Path(__file__).resolve().parent
    (here / "chongqing_2022_SYNTHETIC_grades.txt").write_text(render(2022, y2022), encoding="utf-8")
    (here / "chongqing_2023_SYNTHETIC_grades.txt").write_text(render(2023, y2023), encoding="utf-8")


if __name__ == "__main__":
    main()
