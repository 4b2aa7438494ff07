namespace Milestones.Api.Contracts;

/// <summary>
/// A request property the client must send. Only documents it: a missing one is still reported by
/// the validation pipeline as a 422 naming the field, not rejected by the JSON reader as a 400.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ContractRequiredAttribute : Attribute;
