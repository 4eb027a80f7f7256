package dev.inngest.step;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A generic type token, for step results and event data of generic types.
 *
 * <pre>{@code
 * List<Item> items = step.run("load-items", new TypeRef<List<Item>>() {}, () -> repo.items(id));
 * }</pre>
 *
 * @param <T> the type it stands for
 */
public abstract class TypeRef<T> {

    private final Type type;

    /** Captures the type argument of the anonymous subclass. */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType)) {
            throw new IllegalStateException("create a TypeRef as an anonymous subclass: new TypeRef<List<Item>>() {}");
        }
        this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
    }

    private TypeRef(Type type) {
        this.type = type;
    }

    /**
     * A token for a plain class.
     *
     * @param type the class
     * @param <T> the type
     * @return the token
     */
    public static <T> TypeRef<T> of(Class<T> type) {
        return new TypeRef<T>(type) { };
    }

    /**
     * A token for any type, for frameworks that hold a reflective {@link Type} (a method parameter's
     * generic type, say).
     *
     * @param type the type
     * @param <T> the type it stands for, unchecked
     * @return the token
     */
    public static <T> TypeRef<T> ofType(Type type) {
        return new TypeRef<T>(type) { };
    }

    /** @return the captured type */
    public Type type() {
        return type;
    }
}
