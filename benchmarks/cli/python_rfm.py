"""crm rfm done the usual way in pandas: group by customer, then quintile scores by rank (ties share
the lowest rank, recency reversed), written as CSV. Segment names are left out (a lookup).
Usage: python python_rfm.py TRANSACTIONS.csv AS_OF OUT.csv"""
import sys

import numpy as np
import pandas as pd

path, as_of, out = sys.argv[1], pd.Timestamp(sys.argv[2]), sys.argv[3]
tx = pd.read_csv(path, dtype={"customer_id": str}, parse_dates=["date"])
tx = tx[tx["date"] <= as_of]
g = tx.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum"))
g["recency_days"] = (as_of - g["last"]).dt.days
n = len(g)


def score(values, reverse):
    below = (-values if reverse else values).rank(method="min") - 1
    return (1 + np.floor(5 * below / n)).astype(int)


g["r"] = score(g["recency_days"], True)
g["f"] = score(g["frequency"], False)
g["m"] = score(g["monetary"], False)
g[["recency_days", "frequency", "monetary", "r", "f", "m"]].to_csv(out)
