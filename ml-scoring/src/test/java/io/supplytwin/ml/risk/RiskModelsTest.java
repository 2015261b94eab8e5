package io.supplytwin.ml.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.supplytwin.ml.explain.Explanation;
import io.supplytwin.ml.feature.RiskFeatures;
import io.supplytwin.ml.feature.RiskIndicators;
import io.supplytwin.ml.forecast.SequenceNet;
import io.supplytwin.ml.training.RiskData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RiskModelsTest {
    private static final Logger LOG = LoggerFactory.getLogger(RiskModelsTest.class);

    @Test
    void both_enterprise_risk_models_rank_firms_about_to_default_above_healthy_ones(@TempDir Path dir) throws Exception {
        RiskData data = RiskData.enterprises(1042, 80, 360);
        try (SequenceClassifier tree = SequenceClassifier.trainTree(RiskIndicators.ENTERPRISE, RiskFeatures.WINDOW_DAYS,
                data.training(), 1);
             SequenceClassifier lstm = SequenceClassifier.trainLstm(RiskIndicators.ENTERPRISE, RiskFeatures.WINDOW_DAYS,
                     data.training(), new SequenceNet.Settings(6, 64, 0.005f, 1))) {
            double treeAuc = Auc.of(tree.probabilities(data.validation().sequences()), data.validation().labelFlags());
            double lstmAuc = Auc.of(lstm.probabilities(data.validation().sequences()), data.validation().labelFlags());
            LOG.info("Enterprise risk validation AUC: xgboost {} lstm {} ({} windows, {} % defaulting within 30 days)",
                    treeAuc, lstmAuc, data.validation().size(), 100 * data.validation().positiveShare());
            assertThat(treeAuc).isGreaterThan(0.85);
            assertThat(lstmAuc).isGreaterThan(0.85);

            List<double[]> some = data.validation().sequences().subList(0, 20);
            for (SequenceClassifier c : List.of(tree, lstm)) {
                Path d = dir.resolve(c.spec().kind());
                java.nio.file.Files.createDirectories(d);
                c.save(d);
                try (SequenceClassifier loaded = SequenceClassifier.load(d)) {
                    assertThat(loaded.probabilities(some)).isEqualTo(c.probabilities(some));
                }
            }
        }
    }

    @Test
    void tree_shap_of_the_risk_model_adds_up_to_the_log_odds() {
        RiskData data = RiskData.enterprises(7, 40, 360);
        try (SequenceClassifier tree = SequenceClassifier.trainTree(RiskIndicators.ENTERPRISE, RiskFeatures.WINDOW_DAYS,
                data.training(), 1)) {
            for (double[] seq : data.validation().sequences().subList(0, 10)) {
                double p = tree.probabilities(List.of(seq))[0];
                Explanation e = tree.explain(seq);
                assertThat(e.prediction()).isCloseTo(Math.log(p / (1 - p)), within(1e-3));
            }
        }
    }

    @Test
    void machines_that_fail_soon_score_higher_than_those_that_do_not() {
        RiskData data = RiskData.equipment(2042, 40, 1500);
        try (SequenceClassifier fault = SequenceClassifier.trainTree(RiskIndicators.EQUIPMENT, RiskData.EQUIPMENT_WINDOW,
                data.training(), 1)) {
            double[] p = fault.probabilities(data.validation().sequences());
            double auc = Auc.of(p, data.validation().labelFlags());
            LOG.info("Equipment fault validation AUC {} ({} windows, {} % failing within 48 h)", auc,
                    data.validation().size(), 100 * data.validation().positiveShare());
            assertThat(auc).isGreaterThan(0.6);
        }
    }

    @Test
    void auc_is_one_for_a_perfect_ranking_and_a_half_for_ties() {
        assertThat(Auc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true})).isEqualTo(0.5);
    }
}
