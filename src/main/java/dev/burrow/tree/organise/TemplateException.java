package dev.burrow.tree.organise;

/** A folder template that can't be used, with a sentence saying why. */
public final class TemplateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
