package io.crmkit.scoring.clv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The weighted log-likelihood of BG/NBD (Fader, Hardie &amp; Lee 2005, eq. 6) and of MBG/NBD
 * (Batislam, Denizel &amp; Filiztekin 2007, eq. 3), with its analytic gradient in
 * θ = (r, α, a, b). Both read, per customer,
 * <pre>
 *   ℓ = A1 + A2 + ln(e^A3 + [k &gt; 0] e^A4)
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(b+k) − ln Γ(b) − ln Γ(a+b+k) + ln Γ(a+b)        (= ln B(a, b+k) − ln B(a, b))
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+k−1) − (r+x) ln(α+t<sub>x</sub>)
 * </pre>
 * with k = x for BG/NBD (a customer can only drop out after a repeat purchase) and k = x + 1 for
 * MBG/NBD (also right after the first purchase).
 *
 * <p>For speed the data are prepared once: the x-only terms ln Γ(c+k) − ln Γ(c) and
 * ψ(c+k) − ψ(c) for c = r, b, a+b come from running sums over k = 0..max k per evaluation (when
 * max k is small next to the number of rows), and ln(α+T), ln(α+t<sub>x</sub>) are evaluated once
 * per distinct T and t<sub>x</sub>. The loop over rows allocates nothing.
 */
final class BetaGeoLikelihood implements LogLikelihood {

    private final int shift;
    private final int[] x;
    private final int[] ageIndex;
    private final int[] recencyIndex;
    private final double[] ages;
    private final double[] recencies;
    private final double[] weight;
    private final int maxK;
    private final boolean tables;
    // work arrays, reused between evaluations (a likelihood is used by one fit at a time)
    private final double[] lnRx;
    private final double[] psiRx;
    private final double[] lnBk;
    private final double[] psiBk;
    private final double[] lnABk;
    private final double[] psiABk;
    private final double[] lnAlphaT;
    private final double[] invAlphaT;
    private final double[] lnAlphaTx;
    private final double[] invAlphaTx;

    /**
     * Prepares the data.
     *
     * @param data the summaries (compressed or not)
     * @param scale multiplies every recency and T (to fit on a rescaled time axis)
     * @param modified true for MBG/NBD, false for BG/NBD
     */
    BetaGeoLikelihood(CustomerSummaries data, double scale, boolean modified) {
        int n = data.size();
        this.shift = modified ? 1 : 0;
        this.x = new int[n];
        this.weight = new double[n];
        double[] t = new double[n];
        double[] tx = new double[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            x[i] = (int) data.frequency(i);
            weight[i] = data.weight(i);
            t[i] = data.age(i) * scale;
            tx[i] = data.recency(i) * scale;
            max = Math.max(max, x[i] + shift);
        }
        this.maxK = max;
        this.tables = maxK <= 4L * n + 64;
        this.ageIndex = new int[n];
        this.recencyIndex = new int[n];
        this.ages = distinct(t, ageIndex);
        this.recencies = distinct(tx, recencyIndex);
        int size = tables ? maxK + 1 : 0;
        lnRx = new double[size];
        psiRx = new double[size];
        lnBk = new double[size];
        psiBk = new double[size];
        lnABk = new double[size];
        psiABk = new double[size];
        lnAlphaT = new double[ages.length];
        invAlphaT = new double[ages.length];
        lnAlphaTx = new double[recencies.length];
        invAlphaTx = new double[recencies.length];
    }

    /** The distinct values of {@code values}; {@code index[i]} receives the position of values[i]. */
    static double[] distinct(double[] values, int[] index) {
        Map<Double, Integer> seen = new HashMap<>();
        double[] out = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            Integer at = seen.get(values[i]);
            if (at == null) {
                at = count;
                seen.put(values[i], at);
                out[count++] = values[i];
            }
            index[i] = at;
        }
        return Arrays.copyOf(out, count);
    }

    /** Fills table[k] = ln Γ(c+k) − ln Γ(c) and psi[k] = ψ(c+k) − ψ(c) for k = 0..maxK. */
    private void runningSums(double c, double[] table, double[] psi) {
        double ln = 0;
        double inv = 0;
        table[0] = 0;
        psi[0] = 0;
        for (int k = 1; k <= maxK; k++) {
            double ck = c + k - 1;
            ln += Math.log(ck);
            inv += 1.0 / ck;
            table[k] = ln;
            psi[k] = inv;
        }
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        double r = params[0];
        double alpha = params[1];
        double a = params[2];
        double b = params[3];
        double ab = a + b;
        if (tables) {
            runningSums(r, lnRx, psiRx);
            runningSums(b, lnBk, psiBk);
            runningSums(ab, lnABk, psiABk);
        }
        for (int j = 0; j < ages.length; j++) {
            lnAlphaT[j] = Math.log(alpha + ages[j]);
            invAlphaT[j] = 1.0 / (alpha + ages[j]);
        }
        for (int j = 0; j < recencies.length; j++) {
            lnAlphaTx[j] = Math.log(alpha + recencies[j]);
            invAlphaTx[j] = 1.0 / (alpha + recencies[j]);
        }
        double lnAlpha = Math.log(alpha);
        double lnA = Math.log(a);
        double lgR = tables ? 0 : SpecialFunctions.logGamma(r);
        double lgB = tables ? 0 : SpecialFunctions.logGamma(b);
        double lgAB = tables ? 0 : SpecialFunctions.logGamma(ab);
        double psiR = tables ? 0 : SpecialFunctions.digamma(r);
        double psiB = tables ? 0 : SpecialFunctions.digamma(b);
        double psiAB = tables ? 0 : SpecialFunctions.digamma(ab);
        double ll = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < x.length; i++) {
            int xi = x[i];
            int k = xi + shift;
            double w = weight[i];
            double gammaR;
            double dR;
            double betaTerm;
            double dB;
            double dAB;
            if (tables) {
                gammaR = lnRx[xi];
                dR = psiRx[xi];
                betaTerm = lnBk[k] - lnABk[k];
                dB = psiBk[k];
                dAB = psiABk[k];
            } else {
                gammaR = SpecialFunctions.logGamma(r + xi) - lgR;
                dR = SpecialFunctions.digamma(r + xi) - psiR;
                betaTerm = SpecialFunctions.logGamma(b + k) - lgB - SpecialFunctions.logGamma(ab + k) + lgAB;
                dB = SpecialFunctions.digamma(b + k) - psiB;
                dAB = SpecialFunctions.digamma(ab + k) - psiAB;
            }
            double rx = r + xi;
            int ti = ageIndex[i];
            double a3 = -rx * lnAlphaT[ti];
            double mix;
            double p4;
            double bk1 = 0;
            int ri = recencyIndex[i];
            if (k > 0) {
                bk1 = b + k - 1;
                double a4 = lnA - Math.log(bk1) - rx * lnAlphaTx[ri];
                double d = a4 - a3;
                if (d > 0) {
                    double e = Math.exp(-d);
                    mix = a4 + Math.log1p(e);
                    p4 = 1.0 / (1.0 + e);
                } else {
                    double e = Math.exp(d);
                    mix = a3 + Math.log1p(e);
                    p4 = e / (1.0 + e);
                }
            } else {
                mix = a3;
                p4 = 0;
            }
            double p3 = 1.0 - p4;
            ll += w * (gammaR + r * lnAlpha + betaTerm + mix);
            gr += w * (dR + lnAlpha - p3 * lnAlphaT[ti] - p4 * lnAlphaTx[ri]);
            galpha += w * (r / alpha - rx * (p3 * invAlphaT[ti] + p4 * invAlphaTx[ri]));
            double inv = k > 0 ? p4 / bk1 : 0;
            ga += w * (-dAB + p4 / a);
            gb += w * (dB - dAB - inv);
        }
        gradient[0] = gr;
        gradient[1] = galpha;
        gradient[2] = ga;
        gradient[3] = gb;
        return ll;
    }
}
