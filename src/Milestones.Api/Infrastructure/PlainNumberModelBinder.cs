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
    /// <summary>What a parameter accepts, in the contract's words and its own name (SPEC 5): <c>limit must be a whole number from 1 to 100</c>.</summary>
    public static string Message(string name, bool isLong) => name switch
    {
        "limit" => $"limit must be a whole number from 1 to {Application.Common.Models.Paging.MaxLimit}, in plain decimal digits.",
        "offset" => "offset must be a whole number from 0 to 2147483647, in plain decimal digits.",
        "page" => "page must be a whole number from 1, in plain decimal digits.",
        _ when isLong => $"{name} must be a whole number from 1 to 9223372036854775807, in plain decimal digits.",
        _ => $"{name} must be a whole number from -2147483648 to 2147483647, in plain decimal digits.",
    };

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
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message(bindingContext.ModelName, isLong));
        }

        return Task.CompletedTask;
    }

    /// <summary>Gives every <see cref="int"/>, <see cref="long"/> and <see cref="bool"/> (nullable or not) outside a body to the plain binders.</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.BindingInfo.BindingSource == BindingSource.Body ? null
            : context.Metadata.UnderlyingOrModelType == typeof(int) ? new PlainNumberModelBinder(isLong: false)
            : context.Metadata.UnderlyingOrModelType == typeof(long) ? new PlainNumberModelBinder(isLong: true)
            : context.Metadata.UnderlyingOrModelType == typeof(bool) ? new PlainBooleanModelBinder()
            : null;
    }
}

/// <summary>A flag outside a body is <c>true</c> or <c>false</c>, exactly; anything else is a 400 naming the parameter.</summary>
public sealed class PlainBooleanModelBinder : IModelBinder
{
    public static string Message(string name) => $"{name} must be true or false.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        switch (value.FirstValue)
        {
            case "true":
                bindingContext.Result = ModelBindingResult.Success(true);
                break;
            case "false":
                bindingContext.Result = ModelBindingResult.Success(false);
                break;
            default:
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message(bindingContext.ModelName));
                break;
        }

        return Task.CompletedTask;
    }
}
