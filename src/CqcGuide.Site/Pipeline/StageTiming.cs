namespace CqcGuide.Site.Pipeline;

/// <summary>One stage of a build: its name, wall time, and the process's CPU time meanwhile (every thread), in user mode
/// (our code, libraries, the GC) and in the kernel (mostly file I/O).</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan User, TimeSpan Kernel)
{
    /// <summary>Starts timing now.</summary>
    public static Clock Start() => new();

    public sealed class Clock
    {
        private readonly System.Diagnostics.Stopwatch wall = System.Diagnostics.Stopwatch.StartNew();
        private Environment.ProcessCpuUsage cpu = Environment.CpuUsage;

        /// <summary>The time since the start or the previous lap, as a stage.</summary>
        public StageTiming Lap(string stage)
        {
            var now = Environment.CpuUsage;
            var timing = new StageTiming(stage, wall.Elapsed, now.UserTime - cpu.UserTime, now.PrivilegedTime - cpu.PrivilegedTime);
            cpu = now;
            wall.Restart();
            return timing;
        }
    }
}
