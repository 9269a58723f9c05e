"""The crm clv pipeline done the usual way in Python: lifetimes' summary_data_from_transaction_data
(in weeks of 7 days, as crm clv summarize --unit weeks), BetaGeoFitter, conditional expected
purchases and P(alive), written as CSV.
Usage: python python_pipeline.py TRANSACTIONS.csv AS_OF HORIZON OUT.csv"""
import sys

import pandas as pd
from lifetimes import BetaGeoFitter
from lifetimes.utils import summary_data_from_transaction_data

path, as_of, horizon, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
tx = pd.read_csv(path, dtype={"customer_id": str})
s = summary_data_from_transaction_data(tx, "customer_id", "date", monetary_value_col="amount",
                                       observation_period_end=as_of, freq="D", freq_multiplier=7)
bgf = BetaGeoFitter(penalizer_coef=0.0)
bgf.fit(s["frequency"], s["recency"], s["T"])
s["expected_purchases"] = bgf.conditional_expected_number_of_purchases_up_to_time(
    horizon, s["frequency"], s["recency"], s["T"])
s["p_alive"] = bgf.conditional_probability_alive(s["frequency"], s["recency"], s["T"])
s.to_csv(out)
print(bgf.params_.to_dict(), file=sys.stderr)
