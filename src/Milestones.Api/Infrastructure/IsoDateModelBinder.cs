using Microsoft.AspNetCore.Mvc.ModelBinding;
using Milestones.Application.Common.Serialization;

namespace Milestones.Api.Infrastructure;

/// <summary>
/// Query and route dates (<c>dueBefore=2026-03-31</c>) read by the same parser as body dates
/// (<see cref="UtcDateTimeConverter.TryParse(string?, out DateTime)"/>), so one date means the same wherever it arrives; anything
/// else is a 400 naming the parameter, in the contract's words. A date alone (<c>2027-02-01</c>) arrives as
/// its midnight with <see cref="DateTimeKind.Unspecified"/>: a bound that covers its whole day (SPEC 5,
/// <c>MilestoneFilter</c>); a date-time arrives as UTC.
/// </summary>
public sealed class IsoDateModelBinder : IModelBinder
{
    /// <summary>The 400's words for a date it cannot read, naming the parameter as the client wrote it.</summary>
    public static string Message(string name) => $"{name} must be {UtcDateTimeConverter.Expected}.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        if (UtcDateTimeConverter.TryParse(value.FirstValue, out var utc, out var dateOnly))
        {
            bindingContext.Result = ModelBindingResult.Success(dateOnly ? DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) : utc);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message(bindingContext.ModelName));
        }

        return Task.CompletedTask;
    }

    /// <summary>Gives every <see cref="DateTime"/> (and <c>DateTime?</c>) outside a body to <see cref="IsoDateModelBinder"/>.</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(DateTime) ? new IsoDateModelBinder() : null;
    }
}
