package dev.runwright.emulator.world;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps the emulator's state in {@code DIR/state.json}, so a restarted emulator carries on where it
 * stopped: read once at start, written (atomically) after every successful write call, reset and
 * shutdown.
 */
public final class StateDirectory {

  /** One API's state as JSON. */
  public interface Persistent {
    /** The key of this API's part of the state file. */
    String key();

    JsonObject save();

    void load(JsonObject state);
  }

  private final Path file;
  private final List<Persistent> parts;

  public StateDirectory(Path directory, List<Persistent> parts) {
    this.file = directory.resolve("state.json");
    this.parts = List.copyOf(parts);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the state directory " + directory, e);
    }
  }

  /** Loads the saved state, if any. */
  public void load() {
    if (!Files.exists(file)) {
      return;
    }
    JsonObject state;
    try {
      state =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the emulator state " + file, e);
    }
    for (Persistent part : parts) {
      if (state.has(part.key())) {
        part.load(state.getAsJsonObject(part.key()));
      }
    }
  }

  public synchronized void save() {
    JsonObject state = new JsonObject();
    for (Persistent part : parts) {
      state.add(part.key(), part.save());
    }
    Path temporary = file.resolveSibling("state.json.tmp");
    try {
      Files.writeString(
          temporary,
          new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(state),
          StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the emulator state " + file, e);
    }
  }
}
