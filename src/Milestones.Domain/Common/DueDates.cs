namespace Milestones.Domain.Common;

public static class DueDates
{
    /// <summary>
    /// A due date given as a date, or as exactly midnight UTC, means the end of that day
    /// (23:59:59.999 UTC). Any other instant is kept as given, in UTC.
    /// </summary>
    public static DateTime Normalize(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        return utc.TimeOfDay == TimeSpan.Zero
            ? utc.Date.AddTicks(TimeSpan.TicksPerDay - TimeSpan.TicksPerMillisecond) // no overflow on 9999-12-31
            : utc;
    }
}
