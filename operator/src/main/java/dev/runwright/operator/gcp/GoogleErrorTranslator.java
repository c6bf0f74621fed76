package dev.runwright.operator.gcp;

/**
 * Turns whatever a Google client threw into the operator's {@link GoogleApiException} hierarchy.
 */
@FunctionalInterface
public interface GoogleErrorTranslator {

  GoogleApiException translate(GoogleCall call, Exception failure);
}
