package dev.runwright.emulator.world;

import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Converts the API model objects (proto messages, SQL Admin models) to and from JSON trees for the
 * state file.
 */
public final class JsonTrees {
  private static final GsonFactory GSON_FACTORY = GsonFactory.getDefaultInstance();

  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;

  public JsonTrees(TypeRegistry registry) {
    this.printer = JsonFormat.printer().usingTypeRegistry(registry);
    this.parser = JsonFormat.parser().usingTypeRegistry(registry);
  }

  public JsonElement tree(Message message) {
    try {
      return JsonParser.parseString(printer.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public <M extends Message> M message(JsonElement tree, M.Builder builder) {
    try {
      parser.merge(tree.toString(), builder);
      return (M) builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "Invalid saved " + builder.getDescriptorForType().getName(), e);
    }
  }

  public static JsonElement tree(GenericJson model) {
    try {
      return JsonParser.parseString(GSON_FACTORY.toString(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T extends GenericJson> T model(JsonElement tree, Class<T> type) {
    try {
      T value = GSON_FACTORY.fromString(tree.toString(), type);
      value.setFactory(GSON_FACTORY);
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
