namespace Milestones.Api.OpenApi;

/// <summary>
/// Documents a string property as one of an enum's wire values. The value travels as a string so
/// that an unknown one is a 422 naming the allowed values; the contract still lists them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AllowedValuesOfAttribute : Attribute
{
    public AllowedValuesOfAttribute(Type enumType) =>
        Values = Enum.GetNames(enumType).Select(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName).ToArray();

    /// <summary>The values held by a public static string list, e.g. <c>ListMilestonesQuery.Sorts</c>.</summary>
    public AllowedValuesOfAttribute(Type owner, string staticMember) =>
        Values = (IReadOnlyList<string>)(owner.GetField(staticMember)?.GetValue(null)
            ?? throw new ArgumentException($"{owner.Name}.{staticMember} is not a public static field.", nameof(staticMember)));

    public IReadOnlyList<string> Values { get; }
}

/// <summary>
/// A request property the client must send. Only documents it: a missing one is still reported by
/// the validation pipeline as a 422 naming the field, not rejected by the JSON reader as a 400.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ContractRequiredAttribute : Attribute;
