package io.supplytwin.sim.shock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShockTest {

    @Test
    void shortFormTakesTheKindsDefaults() {
        Shock s = Shock.parse("machine-failure:t1-03");
        assertThat(s.kind()).isEqualTo(ShockKind.MACHINE_FAILURE);
        assertThat(s.target()).isEqualTo("t1-03");
        assertThat(s.immediate()).isTrue();
        assertThat(s.hours()).isEqualTo(ShockKind.MACHINE_FAILURE.defaultHours());
    }

    @Test
    void keyListAndJsonFieldsSetTimeLengthAndSize() {
        Shock s = Shock.parse("kind=late-payer,target=core-01,at=24,hours=720,magnitude=45");
        assertThat(s).isEqualTo(new Shock(ShockKind.LATE_PAYER, "core-01", 24, 720, 45));
        assertThat(Shock.fromFields(Map.of("kind", "demand-surge", "magnitude", 1.8))).extracting(Shock::magnitude).isEqualTo(1.8);
    }

    @Test
    void badShocksSayWhatIsWrong() {
        assertThatThrownBy(() -> Shock.parse("earthquake:t1-01")).hasMessageContaining("unknown shock kind 'earthquake'");
        assertThatThrownBy(() -> Shock.parse("late-payer")).hasMessageContaining("needs a target");
        assertThatThrownBy(() -> Shock.fromFields(Map.of("kind", "demand-surge", "size", 2))).hasMessageContaining("unknown shock field 'size'");
        assertThatThrownBy(() -> Shock.parse("kind=machine-failure,target=t1-01,magnitude=3")).hasMessageContaining("at most 1");
    }
}
