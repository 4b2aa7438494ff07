using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Milestones.Infrastructure.Persistence;

/// <summary>Every DateTime is UTC: what comes back from the database is marked so.</summary>
public sealed class UtcDateTimeValueConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class NullableUtcDateTimeValueConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v.HasValue && v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime() : v,
    v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

/// <summary>Money with two decimals as a whole number of cents. Linear, so SQL arithmetic on it stays correct.</summary>
public sealed class CentsConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero),
    v => v / 100m);
