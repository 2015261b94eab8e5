package io.supplytwin.platform.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @TempDir
    Path dir;

    @Test
    void quantilesInterpolateLinearly() {
        double[] v = {1, 2, 3, 4, 5};
        assertThat(BoxChart.quantile(v, 0.5)).isEqualTo(3);
        assertThat(BoxChart.quantile(v, 0.25)).isEqualTo(2);
        assertThat(BoxChart.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
        assertThat(BoxChart.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void chartsWritePngsWithColouredMarks() throws Exception {
        Path line = dir.resolve("line.png");
        new LineChart("t", "x", "y").add("a", new double[] {1, 2, Double.NaN, 4}).add("b", new double[] {-1, 0, 1})
                .write(line);
        Path bars = dir.resolve("bars.png");
        new BarChart("t", "layer", "v", List.of("retailer", "distributor"))
                .add("a", new double[] {1.5, -2}, new double[] {0.2, 0.3}).add("b", new double[] {3, Double.NaN})
                .write(bars);
        Path boxes = dir.resolve("boxes.png");
        new BoxChart("t", "model", "score").add("a", new double[] {0.1, 0.2, 0.3, 0.9, 5})
                .add("b", new double[] {0.5, Double.NaN}).write(boxes);
        for (Path p : List.of(line, bars, boxes)) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertThat(image.getWidth()).isEqualTo(PlotArea.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PlotArea.HEIGHT);
            assertThat(containsColour(image, PlotArea.PALETTE[0].getRGB())).as(p.toString()).isTrue();
        }
    }

    @Test
    void barSeriesMustMatchTheCategories() {
        BarChart chart = new BarChart("t", "x", "y", List.of("a", "b"));
        assertThatThrownBy(() -> chart.add("s", new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean containsColour(BufferedImage image, int rgb) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }
}
