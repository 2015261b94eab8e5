package io.supplytwin.ml.bench;

import io.supplytwin.ml.forecast.Forecaster;
import io.supplytwin.ml.forecast.HybridForecaster;
import io.supplytwin.ml.forecast.LstmForecaster;
import io.supplytwin.ml.forecast.TransformerForecaster;
import io.supplytwin.ml.forecast.MovingAverageForecaster;
import io.supplytwin.ml.forecast.SequenceNet;
import io.supplytwin.ml.forecast.XgbForecaster;
import io.supplytwin.ml.training.ForecastData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one 7-day forecast from a raw window (scaling included), per forecaster, single thread, one native
 * thread. The moving average is the baseline the figures are divided by. Models are trained in the setup with few
 * epochs: latency does not depend on how well they were trained.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForecastLatencyBenchmark {
    private Forecaster movingAverage;
    private Forecaster xgboost;
    private Forecaster cfcHybrid;
    private Forecaster leakHybrid;
    private Forecaster lstm;
    private Forecaster transformer;
    private List<double[]> windows;
    private int next;

    @Setup(Level.Trial)
    public void train() {
        ForecastData data = ForecastData.generated(42, 1, 1095);
        SequenceNet.Settings quick = new SequenceNet.Settings(2, 64, 0.005f, 7);
        movingAverage = new MovingAverageForecaster();
        xgboost = XgbForecaster.train(data.training(), 7);
        cfcHybrid = HybridForecaster.train(HybridForecaster.CFC, data.training(), quick, null);
        leakHybrid = HybridForecaster.train(HybridForecaster.ADAPTIVE_LEAK, data.training(), quick, null);
        lstm = LstmForecaster.train(data.training(), quick, null);
        transformer = TransformerForecaster.train(data.training(), quick, null);
        windows = data.heldOut().inputs().subList(0, 64);
    }

    @TearDown(Level.Trial)
    public void close() {
        for (Forecaster f : List.of(xgboost, cfcHybrid, leakHybrid, lstm, transformer)) {
            f.close();
        }
    }

    private double[] window() {
        next = (next + 1) & 63;
        return windows.get(next);
    }

    @Benchmark
    public double[] baselineMovingAverage() {
        return movingAverage.forecast(window());
    }

    @Benchmark
    public double[] xgboost() {
        return xgboost.forecast(window());
    }

    @Benchmark
    public double[] cfcHybrid() {
        return cfcHybrid.forecast(window());
    }

    @Benchmark
    public double[] adaptiveLeakHybrid() {
        return leakHybrid.forecast(window());
    }

    @Benchmark
    public double[] lstm() {
        return lstm.forecast(window());
    }

    @Benchmark
    public double[] transformer() {
        return transformer.forecast(window());
    }

    @Benchmark
    public Object xgboostTreeShap() {
        return xgboost.explain(window());
    }
}
