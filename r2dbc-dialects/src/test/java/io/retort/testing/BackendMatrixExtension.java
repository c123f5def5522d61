package io.retort.testing;

import io.retort.core.Engine;
import io.retort.dialect.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** The JUnit 5 extension behind {@link BackendTest}: one invocation per selected backend. */
public final class BackendMatrixExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Backends.selected().stream().map(Invocation::new);
    }

    private static final class Invocation implements TestTemplateInvocationContext {
        private final Backend backend;

        Invocation(Backend backend) {
            this.backend = backend;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + backend.name() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            List<Extension> ext = new ArrayList<>();
            ext.add((ExecutionCondition) this::condition);
            ext.add((BeforeEachCallback) c -> backend.reset());
            ext.add((AfterEachCallback) c -> backend.checkNoLeak(c.getDisplayName()));
            ext.add(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                    Class<?> t = p.getParameter().getType();
                    return t == Backend.class || t == Engine.class || t == StatementRecorder.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                    Class<?> t = p.getParameter().getType();
                    if (t == Backend.class) {
                        return backend;
                    }
                    if (t == Engine.class) {
                        return backend.engine();
                    }
                    return backend.recorder();
                }
            });
            return ext;
        }

        private ConditionEvaluationResult condition(ExtensionContext context) {
            List<Feature> needed = new ArrayList<>();
            context.getElement()
                    .flatMap(el -> AnnotationSupport.findAnnotation(el, RequiresFeature.class))
                    .ifPresent(r -> needed.addAll(List.of(r.value())));
            context.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, RequiresFeature.class))
                    .ifPresent(r -> needed.addAll(List.of(r.value())));
            for (Feature f : needed) {
                if (!backend.dialect().supports(f)) {
                    return ConditionEvaluationResult.disabled(
                            "dialect '" + backend.name() + "' does not support " + f + " (asserted by its own test)");
                }
            }
            return ConditionEvaluationResult.enabled("backend " + backend.name());
        }
    }
}
