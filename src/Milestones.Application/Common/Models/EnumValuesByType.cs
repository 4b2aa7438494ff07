namespace Milestones.Application.Common.Models;

/// <summary><see cref="EnumValues{T}"/> for an enum known only at run time (a type found by reflection).</summary>
public static class EnumValues
{
    public static string AllowedOf(Type enumType) =>
        (string)typeof(EnumValues<>).MakeGenericType(enumType).GetProperty(nameof(EnumValues<DeadlinePolicy>.Allowed))!.GetValue(null)!;
}
