package dev.contractgate.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Reads what a test class declares for the extension: its {@code @ContractBaseUrl} member and its
 * {@code @ProviderState} methods. Only JUnit APIs present from 5.13 on (and in 6.x) are used here.
 */
@API(status = INTERNAL, since = "0.1")
public final class TestClassMembers {

  private TestClassMembers() {}

  /** The classes whose members count: the test class and, for {@code @Nested} classes, those around it. */
  private static List<Class<?>> classes(ExtensionContext context) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      out.add(c);
    }
    return out;
  }

  /**
   * The base URL the test class gives with {@code annotation}, read now; empty when no member carries it.
   *
   * @throws ExtensionConfigurationException for two members, a wrong type, parameters, or a null value
   */
  public static Optional<Setting> baseUrl(ExtensionContext context, Class<? extends Annotation> annotation) {
    String name = "@" + annotation.getSimpleName();
    for (Class<?> c : classes(context)) {
      List<Member> members = new ArrayList<>();
      members.addAll(AnnotationSupport.findAnnotatedFields(c, annotation));
      members.addAll(AnnotationSupport.findAnnotatedMethods(c, annotation, HierarchyTraversalMode.TOP_DOWN));
      if (members.isEmpty()) {
        continue;
      }
      if (members.size() > 1) {
        throw new ExtensionConfigurationException(Messages.of(
            "More than one " + name + " in " + c.getName(),
            "one field or no-argument method that gives the backend's base URL",
            members.stream().map(TestClassMembers::describe).toList().toString(),
            "keep " + name + " on one of them"));
      }
      Member m = members.get(0);
      Class<?> type = m instanceof Field f ? f.getType() : ((Method) m).getReturnType();
      if (type != String.class && type != URI.class) {
        throw new ExtensionConfigurationException(Messages.of(
            "Cannot read the base URL from " + describe(m),
            "a field or method of type String or java.net.URI",
            type.getName(),
            "return backend.baseUrl() as a String, or a URI"));
      }
      if (m instanceof Method method && method.getParameterCount() > 0) {
        throw new ExtensionConfigurationException(Messages.of(
            "Cannot read the base URL from " + describe(m),
            "a method without parameters",
            method.getParameterCount() + " parameters",
            "remove the parameters; read what it needs from fields of the test class"));
      }
      Object value = read(context, m, name);
      if (value == null) {
        throw new ExtensionConfigurationException(Messages.of(
            "No base URL from " + name + " " + describe(m),
            "the URL of the backend under test, e.g. http://127.0.0.1:8080",
            "null",
            "start the backend before the first call (in a field initialiser or @BeforeAll) so that " + name
                + " can return its URL"));
      }
      return Optional.of(new Setting(Configuration.BASE_URL, value.toString().trim(), name + " " + describe(m)));
    }
    return Optional.empty();
  }

  /**
   * The provider-state methods, by state name, bound to the current test instance when they are not static.
   *
   * @throws ExtensionConfigurationException for two methods of one state, or a method with parameters
   */
  public static ProviderStates states(ExtensionContext context, Class<? extends Annotation> annotation,
      java.util.function.Function<Annotation, String> stateName) {
    Map<String, Runnable> handlers = new LinkedHashMap<>();
    Map<String, Method> seen = new LinkedHashMap<>();
    String owner = context.getTestClass().map(Class::getName).orElse("the test class");
    for (Class<?> c : classes(context)) {
      for (Method m : AnnotationSupport.findAnnotatedMethods(c, annotation, HierarchyTraversalMode.TOP_DOWN)) {
        String state = stateName.apply(m.getAnnotation(annotation)).strip();
        if (m.getParameterCount() > 0) {
          throw new ExtensionConfigurationException(Messages.of(
              "Cannot use " + describe(m) + " as the provider state \"" + state + "\"",
              "a method without parameters", m.getParameterCount() + " parameters",
              "remove the parameters; read what it needs from fields of the test class"));
        }
        if (seen.containsKey(state)) {
          throw new ExtensionConfigurationException(Messages.of(
              "Two methods for the provider state \"" + state + "\"",
              "one method per state", describe(seen.get(state)) + " and " + describe(m),
              "remove one, or rename its state"));
        }
        seen.put(state, m);
        handlers.put(state, () -> invoke(context, m, "@ProviderState(\"" + state + "\")"));
      }
    }
    return new ProviderStates(handlers, owner);
  }

  private static Object read(ExtensionContext context, Member m, String name) {
    Object target = target(context, m, name);
    try {
      if (m instanceof Field f) {
        f.setAccessible(true);
        return f.get(target);
      }
      Method method = (Method) m;
      method.setAccessible(true);
      return method.invoke(target);
    } catch (InvocationTargetException e) {
      throw new ExtensionConfigurationException("Cannot read the base URL: " + describe(m) + " threw "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException("Cannot read the base URL from " + describe(m) + ": " + e, e);
    }
  }

  private static void invoke(ExtensionContext context, Method m, String name) {
    Object target = target(context, m, name);
    try {
      m.setAccessible(true);
      m.invoke(target);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(describe(m) + " threw " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot call " + describe(m) + ": " + e.getMessage(), e);
    }
  }

  /** Null for a static member; otherwise the test instance (or enclosing instance) that declares it. */
  private static Object target(ExtensionContext context, Member m, String name) {
    if (Modifier.isStatic(m.getModifiers())) {
      return null;
    }
    Optional<Object> instance = context.getTestInstances().flatMap(all -> all.getAllInstances().stream()
        .filter(i -> m.getDeclaringClass().isInstance(i)).reduce((a, b) -> b));
    return instance.orElseThrow(() -> new ExtensionConfigurationException(Messages.of(
        "Cannot use " + name + " " + describe(m) + " here: it is an instance member and there is no test"
            + " instance yet",
        "a static member when the value is needed in @BeforeAll or a static @TestFactory context",
        "an instance " + (m instanceof Field ? "field" : "method"),
        "make it static, or use it from test methods and @BeforeEach only")));
  }

  private static String describe(Member m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + (m instanceof Method ? "()" : "");
  }
}
