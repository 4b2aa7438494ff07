namespace Milestones.Application.Common.Validation;

/// <summary>The validators' one way to judge a text field (SPEC 7, <see cref="Text"/>): length in characters, control characters, and whether a name holds anything visible.</summary>
public static class TextRules
{
    /// <summary>A one-line name or title: something visible, no control character, at most <paramref name="max"/> characters. Null passes (required-ness is the caller's rule).</summary>
    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule, string field, int max) =>
        rule.MinimumLength(1).WithMessage($"{field} cannot be empty.")
            .Must(t => string.IsNullOrEmpty(t) || !Text.IsBlank(t)).WithMessage($"{field} cannot be empty (whitespace, control and format characters do not count).")
            .Must(t => t is null || !Text.HasControl(t, multiline: false)).WithMessage($"{field} cannot contain control characters.")
            .SetValidator(new CharacterLength<T>(max)).WithMessage($"{field} must be at most {max} characters.");

    /// <summary>A free text (a description, a message): tabs and line breaks allowed, no other control character, at most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, string field, int max) =>
        rule.Must(t => t is null || !Text.HasControl(t, multiline: true)).WithMessage($"{field} cannot contain control characters other than tabs and line breaks.")
            .SetValidator(new CharacterLength<T>(max)).WithMessage($"{field} must be at most {max} characters.");
}

/// <summary>
/// At most <paramref name="max"/> characters (Unicode scalar values of the NFC text, as stored). A length
/// validator like FluentValidation's own, so the OpenAPI document states it as <c>maxLength</c>
/// (JSON Schema's maxLength counts characters too).
/// </summary>
public sealed class CharacterLength<T>(int max) : FluentValidation.Validators.PropertyValidator<T, string?>, FluentValidation.Validators.ILengthValidator
{
    public override string Name => "CharacterLengthValidator";

    public int Min => 0;

    public int Max => max;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || Text.Length(Text.Nfc(value)) <= max;
}
