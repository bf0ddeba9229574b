#!/usr/bin/env python3
"""Writes N SYNTHETIC grade notices of distinct carriers, for measuring.

The end-to-end benchmark (fuhua_bench) copies the five samples, so its
relink sees five notices' worth of carriers however many copies it ingests
(a copy is folded into the notice it copies). A real store is the other
way round: every notice names carriers of its own. This writes N text
notices in the form of the Inner Mongolia sample's text rendition (an
annex table 序号 / 名称 / 运营机构 / 地区 / 评价结果), 31 records each,
every carrier and operator named from random syllables (a fixed seed), so
that nearly every record is a carrier no other notice lists: the worst case
for a relink's memory and time.

Invented data, for the benchmark only: the first line of every file and its
name say SYNTHETIC. Never copy these into samples/.

Usage:
  python3 bench/make_distinct_notices.py 10000 /tmp/distinct-10k
  build/fuhua ingest /tmp/distinct-10k --db /tmp/d.db --jobs 2
"""
import argparse
import os
import random

# Brand syllables: common characters that read as no place and no carrier type.
POOL = ("新智慧星火云海天恒泰华瑞博远鼎盛宏达信诚德润源丰嘉和兴隆金银龙凤祥鹏飞翔辉煌明"
        "晨阳春秋朗青蓝绿紫红橙黄白雪松柏梅兰竹菊桃李杏榆杨柳枫桐川湖泉溪峰岭林森田园"
        "农牧草原沙北南东西正大高远长久安宁平康乐福禄寿喜庆吉利合同心聚力汇通联技文艺"
        "术数字网络物芯谷港湾岛邦都坊街巷村塔桥亭阁楼台")
PLACES = ["呼和浩特市", "包头市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市",
          "巴彦淖尔市", "乌兰察布市", "兴安盟", "锡林郭勒盟", "阿拉善盟", "乌海市"]
TYPES = ["科技企业孵化器", "众创空间"]
GRADES = ["优秀", "良好", "合格", "不合格"]


def notice(i, rng, per):
    year = 2015 + i % 8
    lines = [
        "【合成测试数据：基准用虚构通知，非公开发布文件】",
        f"合成科发〔{year}〕{i + 1}号",
        f"关于公布{year}年度科技企业孵化器绩效评价结果的通知（合成{i + 1}）",
        "",
        "各盟市科技局：",
        "现将评价结果公布如下。",
        "",
        "附件1",
        f"    {year}年度科技企业孵化器绩效评价结果汇总表",
        "\t序号", "\t孵化器名称", "\t运营机构名称", "\t地区", "\t评价\n结果", "",
    ]
    for k in range(per):
        place = rng.choice(PLACES)
        brand = "".join(rng.choice(POOL) for _ in range(3))
        operator = "".join(rng.choice(POOL) for _ in range(2))
        lines += [f"\t{k + 1}", f"\t{place}{brand}{rng.choice(TYPES)}",
                  f"\t{place}{operator}科技发展有限公司", f"\t{place}",
                  f"\t{rng.choice(GRADES)}", ""]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("count", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--per", type=int, default=31, help="records a notice (default 31)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    rng = random.Random(a.seed)
    for i in range(a.count):
        path = os.path.join(a.out_dir, f"SYNTHETIC_distinct_{i:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(notice(i, rng, a.per))


if __name__ == "__main__":
    main()
