package io.supplytwin.core.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IndicatorCatalogueTest {
    private static final String HEADER =
            "id,level,category,unit,min,max,direction,target,tolerance,deadband,out_of_range,description\n";
    private static final String GOOD_ROW =
            "spindle_temp_c,equipment,equipment_status,°C,0,120,lower_better,,,0.5,reject,Spindle temperature\n";

    private final IndicatorCatalogue standard = IndicatorCatalogue.standard();

    @Test
    void standardCatalogueHasExactly277UniqueIndicators() {
        assertThat(standard.size()).isEqualTo(277);
        Set<String> ids = new HashSet<>();
        standard.all().forEach(i -> ids.add(i.id()));
        assertThat(ids).hasSize(277);
    }

    @Test
    void everyStandardIndicatorIsValidAndCoversAllLevels() {
        for (Indicator indicator : standard.all()) {
            assertThat(indicator.id()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
            assertThat(indicator.min()).isLessThan(indicator.max());
            assertThat(indicator.deadband()).isGreaterThanOrEqualTo(0).isLessThan(indicator.max() - indicator.min());
            assertThat(indicator.description()).isNotBlank();
            assertThat(indicator.unit()).isNotBlank();
            if (indicator.direction() == Direction.TARGET) {
                assertThat(indicator.target() - indicator.tolerance()).isGreaterThanOrEqualTo(indicator.min());
                assertThat(indicator.target() + indicator.tolerance()).isLessThanOrEqualTo(indicator.max());
            }
        }
        for (Level level : Level.values()) {
            assertThat(standard.atLevel(level)).isNotEmpty().allMatch(i -> i.level() == level);
        }
        assertThat(standard.atLevel(Level.ENTERPRISE).size() + standard.atLevel(Level.ORDER).size()
                + standard.atLevel(Level.EQUIPMENT).size()).isEqualTo(277);
    }

    @Test
    void plantEngineersFindTheIndicatorsTheyKnow() {
        assertThat(standard.get("spindle_temp_c").unit()).isEqualTo("°C");
        assertThat(standard.get("spindle_temp_c").level()).isEqualTo(Level.EQUIPMENT);
        assertThat(standard.get("oee_pct").direction()).isEqualTo(Direction.HIGHER_BETTER);
        assertThat(standard.get("defect_ppm").direction()).isEqualTo(Direction.LOWER_BETTER);
        assertThat(standard.get("dso_days").category()).isEqualTo("finance");
        assertThat(standard.get("on_hand_units").category()).isEqualTo("inventory");
        assertThat(standard.get("current_ratio").direction()).isEqualTo(Direction.TARGET);
        assertThat(standard.get("order_fill_rate_pct").level()).isEqualTo(Level.ORDER);
        assertThat(standard.find("no_such_indicator")).isEmpty();
        assertThatThrownBy(() -> standard.get("no_such_indicator"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_indicator");
    }

    @Test
    void deadbandDecidesWhetherAChangeIsSignificant() {
        Indicator spindle = standard.get("spindle_temp_c"); // deadband 0.5 °C
        assertThat(spindle.exceedsDeadband(40.0, 40.4)).isFalse();
        assertThat(spindle.exceedsDeadband(40.0, 40.5)).isFalse();
        assertThat(spindle.exceedsDeadband(40.0, 40.6)).isTrue();
        assertThat(spindle.exceedsDeadband(40.0, 39.4)).isTrue();
    }

    @Test
    void outOfRangeReadingsAreClampedToTheNearestBound() {
        Indicator oee = standard.get("oee_pct");
        assertThat(oee.outOfRange()).isEqualTo(OutOfRangeRule.CLAMP);
        assertThat(oee.clamp(100.3)).isEqualTo(100.0);
        assertThat(oee.clamp(-1)).isEqualTo(0.0);
        assertThat(oee.clamp(71.5)).isEqualTo(71.5);
        assertThat(standard.get("bearing_temp_de_c").outOfRange()).isEqualTo(OutOfRangeRule.REJECT);
        assertThat(standard.get("bearing_temp_de_c").inRange(900)).isFalse();
    }

    @Test
    void quotedDescriptionsMayContainCommas() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.load(new StringReader(HEADER
                + "ra_um,equipment,product_quality,µm,0,12.5,lower_better,,,0.05,reject,\"Roughness, Ra \"\"filtered\"\"\"\n"),
                "test");
        assertThat(catalogue.get("ra_um").description()).isEqualTo("Roughness, Ra \"filtered\"");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "oee_pct,equipment,equipment_status,%,0,100,higher_better,,,0.5,clamp                           | 3 | expected 12 columns but found 11",
            "oee_pct,plant,equipment_status,%,0,100,higher_better,,,0.5,clamp,OEE                           | 3 | unknown level 'plant'",
            "oee_pct,equipment,equipment_status,%,0,100,upwards,,,0.5,clamp,OEE                             | 3 | unknown direction 'upwards'",
            "oee_pct,equipment,equipment_status,%,100,100,higher_better,,,0.5,clamp,OEE                     | 3 | min 100.0 must be less than max 100.0",
            "oee_pct,equipment,equipment_status,%,100,0,higher_better,,,0.5,clamp,OEE                       | 3 | min 100.0 must be less than max 0.0",
            "oee_pct,equipment,equipment_status,%,0,100,higher_better,,,-0.5,clamp,OEE                      | 3 | deadband -0.5 must not be negative",
            "oee_pct,equipment,equipment_status,%,zero,100,higher_better,,,0.5,clamp,OEE                    | 3 | min 'zero' is not a finite number",
            "oee_pct,equipment,equipment_status,%,0,NaN,higher_better,,,0.5,clamp,OEE                       | 3 | max 'NaN' is not a finite number",
            "oee_pct,equipment,equipment_status,%,0,100,higher_better,,,0.5,ignore,OEE                      | 3 | unknown out_of_range rule 'ignore'",
            "spindle_temp_c,equipment,equipment_status,°C,0,120,lower_better,,,0.5,reject,Duplicate         | 3 | duplicate id spindle_temp_c (first defined on line 2)",
            "OEE%,equipment,equipment_status,%,0,100,higher_better,,,0.5,clamp,OEE                          | 3 | id 'OEE%' must be lower snake_case",
            "ph,equipment,process,pH,0,14,target,7,,0.1,clamp,Bath pH                                       | 3 | tolerance '' is not a finite number",
            "ph,equipment,process,pH,0,14,target,13,2,0.1,clamp,Bath pH                                     | 3 | target 13.0 +/- 2.0 must lie within [0.0, 14.0]",
            "ph,equipment,process,pH,0,14,higher_better,7,1,0.1,clamp,Bath pH                               | 3 | target and tolerance must be empty unless direction is target",
            "ph,equipment,process,,0,14,higher_better,,,0.1,clamp,Bath pH                                   | 3 | unit is empty",
    })
    void brokenRowIsRejectedNamingLineAndReason(String row, int line, String reason) {
        CatalogueException error = catchThrowableOfType(CatalogueException.class,
                () -> IndicatorCatalogue.load(new StringReader(HEADER + GOOD_ROW + row + "\n"), "broken.csv"));
        assertThat(error).isNotNull();
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.reason()).startsWith(reason);
        assertThat(error.getMessage()).startsWith("indicator catalogue broken.csv line " + line + ": " + reason);
    }

    @Test
    void lineNumbersCountCommentsAndBlankLines() {
        String text = "# comment\n\n" + HEADER + GOOD_ROW + "# another\n"
                + "oee_pct,equipment,equipment_status,%,0,100,higher_better,,,0.5,clamp\n";
        CatalogueException error = catchThrowableOfType(CatalogueException.class,
                () -> IndicatorCatalogue.load(new StringReader(text), "c.csv"));
        assertThat(error.line()).isEqualTo(6);
    }

    @Test
    void wrongHeaderOrEmptyCatalogueIsRejected() {
        assertThatThrownBy(() -> IndicatorCatalogue.load(new StringReader("id,level\n" + GOOD_ROW), "h.csv"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("h.csv line 1: header must be");
        assertThatThrownBy(() -> IndicatorCatalogue.load(new StringReader(HEADER), "e.csv"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("no indicators");
        assertThatThrownBy(() -> IndicatorCatalogue.load(new StringReader(""), "z.csv"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("no header");
        assertThatThrownBy(() -> IndicatorCatalogue.load(new StringReader(HEADER + "a,\"open\n"), "q.csv"))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("q.csv line 2: unterminated quoted field");
    }

    @Test
    void missingResourceIsReported() {
        assertThatThrownBy(() -> IndicatorCatalogue.fromResource("/nope.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/nope.csv");
    }

    @Test
    void indicatorsWithTheSameDefinitionAreEqual() {
        Indicator a = new Indicator("oee_pct", Level.EQUIPMENT, "equipment_status", "%", 0, 100,
                Direction.HIGHER_BETTER, 0, 0, 0.5, OutOfRangeRule.CLAMP, "OEE");
        Indicator b = new Indicator("oee_pct", Level.EQUIPMENT, "equipment_status", "%", 0, 100,
                Direction.HIGHER_BETTER, 0, 0, 0.5, OutOfRangeRule.CLAMP, "OEE");
        Indicator c = new Indicator("oee_pct", Level.EQUIPMENT, "equipment_status", "%", 0, 100,
                Direction.HIGHER_BETTER, 0, 0, 1.0, OutOfRangeRule.CLAMP, "OEE");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThatThrownBy(() -> new Indicator("x", Level.EQUIPMENT, "c", "%", 5, 1, Direction.HIGHER_BETTER, 0, 0,
                0, OutOfRangeRule.CLAMP, "d")).hasMessageContaining("min 5.0 must be less than max 1.0");
        assertThat(List.of(a)).containsExactly(b);
    }
}
