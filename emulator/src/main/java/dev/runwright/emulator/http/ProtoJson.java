package dev.runwright.emulator.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;

/**
 * Parses request bodies strictly into the published proto messages (an unknown field is a 400, as
 * on Google) and prints responses with enums as numbers when the client asked for {@code
 * enum-encoding=int}.
 */
public final class ProtoJson {
  private final JsonFormat.Parser parser;
  private final JsonFormat.Printer namesPrinter;
  private final JsonFormat.Printer intsPrinter;

  public ProtoJson(TypeRegistry registry) {
    this.parser = JsonFormat.parser().usingTypeRegistry(registry);
    this.namesPrinter = JsonFormat.printer().usingTypeRegistry(registry);
    this.intsPrinter = namesPrinter.printingEnumsAsInts();
  }

  @SuppressWarnings("unchecked")
  public <B extends Message.Builder> B parse(ApiRequest request, B builder) {
    if (!request.hasBody()) {
      return builder;
    }
    try {
      parser.merge(request.bodyText(), builder);
      return builder;
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ApiException.invalidArgument(null, "Invalid JSON payload received. " + e.getMessage());
    }
  }

  public ApiResponse ok(ApiRequest request, Message message) {
    return ApiResponse.ok(print(message, request.enumsAsInts()));
  }

  public String print(Message message, boolean enumsAsInts) {
    try {
      return (enumsAsInts ? intsPrinter : namesPrinter).print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Cannot print " + message.getDescriptorForType(), e);
    }
  }
}
