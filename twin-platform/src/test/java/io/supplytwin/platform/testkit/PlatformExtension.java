package io.supplytwin.platform.testkit;

import io.supplytwin.platform.EmbeddedPlatform;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the JVM's shared {@link EmbeddedPlatform} into test constructors, lifecycle methods and test methods. */
public final class PlatformExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedPlatform.get();
    }
}
