using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// Whole numbers outside a body (<c>limit=20</c>, <c>offset=40</c>, <c>before=17</c>) are plain decimal
/// digits with an optional minus (SPEC 7): <c>0x10</c>, <c>1e1</c>, <c>+5</c>, <c> 5</c> and <c>1.5</c> are a
/// 400 naming the parameter, instead of whatever the framework's culture-aware parser makes of them.
/// </summary>
public sealed class PlainNumberModelBinder(bool isLong) : IModelBinder
{
    public static readonly string IntMessage = "Expected a whole number from -2147483648 to 2147483647, in plain decimal digits.";
    public static readonly string LongMessage = "Expected a whole number that fits 64 bits, in plain decimal digits.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue ?? "";
        var plain = text.Length > 0 && text.AsSpan(text[0] == '-' ? 1 : 0) is { Length: > 0 } digits && !digits.ContainsAnyExceptInRange('0', '9');
        if (plain && isLong && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            bindingContext.Result = ModelBindingResult.Success(l);
        }
        else if (plain && !isLong && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            bindingContext.Result = ModelBindingResult.Success(i);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, isLong ? LongMessage : IntMessage);
        }

        return Task.CompletedTask;
    }

    /// <summary>Gives every <see cref="int"/> and <see cref="long"/> (nullable or not) outside a body to <see cref="PlainNumberModelBinder"/>.</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(int) ? new PlainNumberModelBinder(isLong: false)
            : context.Metadata.UnderlyingOrModelType == typeof(long) ? new PlainNumberModelBinder(isLong: true)
            : null;
    }
}
