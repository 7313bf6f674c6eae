# The alternative a Python user would pick: pandas (openpyxl engine) doing the completion-rate job
# (per unit: tasks, completed, rate). Run by the bench only where `import pandas` works:
#   python3 bench/alt-pandas.py LEDGER.xlsx
# Prints the rates as JSON, then `<peak RSS in KB> <CPU time in µs>` on stderr.
import json
import resource
import sys

import pandas as pd

frame = pd.read_excel(sys.argv[1], sheet_name=0, header=1)
frame = frame[frame["责任单位"].notna()]
done = frame["推进状态"].isin(["已完成", "已销号"])
table = frame.assign(done=done).groupby("责任单位")["done"].agg(["count", "sum"])
rates = [
    {"unit": unit, "assigned": int(row["count"]), "completed": int(row["sum"]), "rate": row["sum"] / row["count"]}
    for unit, row in table.iterrows()
]
print(json.dumps(rates, ensure_ascii=False))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_maxrss, round((usage.ru_utime + usage.ru_stime) * 1e6), file=sys.stderr)
