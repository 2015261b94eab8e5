package io.supplytwin.ml.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** JSON files of a model directory; every failure names the file. */
public final class ArtifactFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ArtifactFiles() {
    }

    public static void write(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing model file");
        }
        try {
            T value = JSON.readValue(file.toFile(), type);
            if (value == null) {
                throw new IOException("empty model file " + file);
            }
            return value;
        } catch (IOException e) {
            throw new IOException("corrupt model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A required binary file, with a clear error when it is missing. */
    public static Path require(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new NoSuchFileException(file.toString(), null, "missing or empty model file");
        }
        return file;
    }
}
