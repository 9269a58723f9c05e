package io.crmkit.benchmarks;

import io.crmkit.scoring.clv.BetaGeoCovariateModel;
import io.crmkit.scoring.clv.BetaGeoModel;
import io.crmkit.scoring.clv.CovariateModel;
import io.crmkit.scoring.clv.Covariates;
import io.crmkit.scoring.clv.CustomerSummaries;
import io.crmkit.scoring.clv.ParetoNbdCovariateModel;
import io.crmkit.scoring.clv.ParetoNbdModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeded simulation study of the static-covariate models (not a JMH benchmark): simulate
 * customers with known coefficients, fit, and count how often estimate ± 1.96 standard errors
 * covers the truth. Per customer a 0/1 covariate {@code gender} and a standard normal
 * {@code spend}; purchase process γ<sub>trans</sub> = (0.6, −0.4), attrition γ<sub>life</sub> =
 * 0.9 for gender. BG/NBD at r 0.6, α 4, a 0.8, b 2.5 with α<sub>i</sub> = α e<sup>−γᵀz</sup>,
 * a<sub>i</sub>, b<sub>i</sub> = a, b e<sup>γᵀz</sup> (CLVTools); Pareto/NBD at r 0.8, α 5, s 0.6,
 * β 8 with α<sub>i</sub>, β<sub>i</sub> = α, β e<sup>−γᵀz</sup>. Ages 30 to 52 weeks.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.CovariateCoverageStudy [replications] [customers]
 * </pre>
 * prints, per model and coefficient, the coverage of the 95 % intervals and the mean estimate,
 * and the CPU seconds spent.
 */
public final class CovariateCoverageStudy {

    private static final Map<String, Double> TRUTH = Map.of("trans.gender", 0.6, "trans.spend", -0.4,
            "life.gender", 0.9);

    private CovariateCoverageStudy() {
    }

    /**
     * Runs the study.
     *
     * @param args replications (default 400) and customers per data set (default 800)
     */
    public static void main(String[] args) {
        int replications = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (String model : List.of("bgnbd", "pareto")) {
            long start = cpu.getCurrentThreadCpuTime();
            int[] covered = new int[3];
            double[] mean = new double[3];
            int failed = 0;
            List<String> names = List.of("trans.gender", "trans.spend", "life.gender");
            for (int rep = 0; rep < replications; rep++) {
                Object[] data = simulate(model, customers, 1000L + rep);
                CustomerSummaries summaries = (CustomerSummaries) data[0];
                Covariates trans = (Covariates) data[1];
                Covariates life = (Covariates) data[2];
                CovariateModel fit;
                try {
                    fit = model.equals("bgnbd") ? BetaGeoCovariateModel.fit(summaries, trans, life, Set.of(), 0)
                            : ParetoNbdCovariateModel.fit(summaries, trans, life, Set.of(), 0);
                } catch (RuntimeException e) {
                    failed++;
                    continue;
                }
                for (int j = 0; j < 3; j++) {
                    String name = names.get(j);
                    Double se = fit.diagnostics().standardErrors().get(name);
                    double estimate = fit.parameters().get(name);
                    mean[j] += estimate / replications;
                    if (se != null && Math.abs(estimate - TRUTH.get(name)) <= 1.96 * se) {
                        covered[j]++;
                    }
                }
            }
            double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            int total = covered[0] + covered[1] + covered[2];
            System.out.printf("%s: %d replications of %d customers, %d failed fits, %.1f CPU s%n", model, replications,
                    customers, failed, seconds);
            for (int j = 0; j < 3; j++) {
                System.out.printf("  %-13s truth %5.2f  mean estimate %7.4f  coverage %5.1f %%%n", names.get(j),
                        TRUTH.get(names.get(j)), mean[j], 100.0 * covered[j] / replications);
            }
            System.out.printf("  all three     coverage %5.1f %% (%d of %d)%n", 100.0 * total / (3 * replications),
                    total, 3 * replications);
        }
    }

    private static Object[] simulate(String model, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[][] trans = new double[n][];
        double[][] life = new double[n][];
        for (int i = 0; i < n; i++) {
            double gender = random.nextDouble() < 0.5 ? 1 : 0;
            double spend = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            double etaT = 0.6 * gender - 0.4 * spend;
            double etaL = 0.9 * gender;
            age[i] = 30 + 22.0 * i / n;
            double[] ages = {age[i]};
            CustomerSummaries one = model.equals("bgnbd")
                    ? BetaGeoModel.of(0.6, 4 * Math.exp(-etaT), 0.8 * Math.exp(etaL), 2.5 * Math.exp(etaL))
                            .simulate(ages, seed * 1_000_003L + i)
                    : ParetoNbdModel.of(0.8, 5 * Math.exp(-etaT), 0.6, 8 * Math.exp(-etaL))
                            .simulate(ages, seed * 1_000_003L + i);
            x[i] = one.frequency(0);
            tx[i] = one.recency(0);
            trans[i] = new double[] {gender, spend};
            life[i] = new double[] {gender};
        }
        return new Object[] {CustomerSummaries.of(x, tx, age), Covariates.of(List.of("gender", "spend"), trans),
                Covariates.of(List.of("gender"), life)};
    }
}
