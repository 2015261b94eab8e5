package io.supplytwin.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    private record Sample(String text, boolean flag, short small, int number, long big, float f, double d, long var) {
    }

    private static final StateCodec<Sample> CODEC = new StateCodec<>("sample", 1, (v, out) -> {
        out.writeUTF(v.text());
        out.writeBoolean(v.flag());
        out.writeShort(v.small());
        out.writeInt(v.number());
        out.writeLong(v.big());
        out.writeFloat(v.f());
        out.writeDouble(v.d());
        out.writeVarLong(v.var());
    }, (in, version) -> new Sample(in.readUTF(), in.readBoolean(), in.readShort(), in.readInt(), in.readLong(), in.readFloat(),
            in.readDouble(), in.readVarLong()));

    private static final Sample SAMPLE = new Sample("Zulieferer Müller \u20ac \0 ok", true, (short) -2, -123_456, Long.MIN_VALUE + 7,
            -0.1f, Math.PI, 300L);

    @Test
    void writesTheLayoutOfDataOutputStreamSoEarlierValuesReadUnchanged() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeUTF(SAMPLE.text());
            out.writeBoolean(true);
            out.writeShort(-2);
            out.writeInt(-123_456);
            out.writeLong(Long.MIN_VALUE + 7);
            out.writeFloat(-0.1f);
            out.writeDouble(Math.PI);
            out.write(new byte[] {(byte) 0xAC, 0x02}); // 300 in 7-bit groups
        }
        assertThat(CODEC.encode(SAMPLE)).isEqualTo(bytes.toByteArray());
        assertThat(CODEC.decode(bytes.toByteArray())).isEqualTo(SAMPLE);
    }

    @Test
    void aTruncatedOrNewerValueIsASerializationErrorThatSaysWhat() {
        byte[] full = CODEC.encode(SAMPLE);
        assertThatThrownBy(() -> CODEC.decode(Arrays.copyOf(full, full.length - 3)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("corrupt sample value");
        byte[] newer = full.clone();
        newer[0] = 2;
        assertThatThrownBy(() -> CODEC.decode(newer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("written in format 2; this release reads up to 1");
    }
}
