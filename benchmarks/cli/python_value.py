"""What crm clv value does in one command, done the usual way in Python: lifetimes'
summary_data_from_transaction_data (weeks of 7 days), BetaGeoFitter, GammaGammaFitter on the
repeat customers, and customer_lifetime_value over 12 months at 1 % a month, written as CSV.
Usage: python python_value.py TRANSACTIONS.csv AS_OF OUT.csv"""
import sys

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

path, as_of, out = sys.argv[1], sys.argv[2], sys.argv[3]
tx = pd.read_csv(path, dtype={"customer_id": str})
s = summary_data_from_transaction_data(tx, "customer_id", "date", monetary_value_col="amount",
                                       observation_period_end=as_of, freq="D", freq_multiplier=7)
s = s[s["T"] > 0]
bgf = BetaGeoFitter(penalizer_coef=0.0)
bgf.fit(s["frequency"], s["recency"], s["T"])
repeat = s[s["frequency"] > 0]
ggf = GammaGammaFitter(penalizer_coef=0.0)
ggf.fit(repeat["frequency"], repeat["monetary_value"])
s["expected_purchases"] = bgf.conditional_expected_number_of_purchases_up_to_time(
    12 * 4.345, s["frequency"], s["recency"], s["T"])
s["p_alive"] = bgf.conditional_probability_alive(s["frequency"], s["recency"], s["T"])
s["expected_spend"] = ggf.conditional_expected_average_profit(s["frequency"], s["monetary_value"])
s["clv"] = ggf.customer_lifetime_value(bgf, s["frequency"], s["recency"], s["T"], s["monetary_value"],
                                       time=12, discount_rate=0.01, freq="W").values
s.to_csv(out)
print(bgf.params_.to_dict(), ggf.params_.to_dict(), file=sys.stderr)
