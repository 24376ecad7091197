namespace GateEdge.Simulator.Faults;

/// <summary>How a simulated device's serial line misbehaves; a script or a test switches faults on and off.</summary>
internal enum LineFault
{
    None,

    /// <summary>The device stops answering: everything it would send is lost.</summary>
    Silence,

    /// <summary>A burst of random bytes before everything the device sends (noise on a long cable).</summary>
    Garbage,

    /// <summary>Every frame arrives with one bit flipped in its middle, so its checksum no longer matches.</summary>
    BadChecksum,

    /// <summary>Frames arrive a few bytes at a time, with pauses between the pieces.</summary>
    SplitFrames,

    /// <summary>Every reply is held back by <see cref="SimulatedLine.SlowBy"/>.</summary>
    SlowReplies,

    /// <summary>The port runs at the wrong baud rate: each frame becomes noise of about the same length.</summary>
    WrongBaud,

    /// <summary>
    /// Once, in place of the next frame: noise that begins like the device's longest frame, a
    /// header whose length promises hundreds of bytes that never come (<see cref="SimulatedLine.StrayHeader"/>;
    /// the first half of the frame for devices without one). The line is clean again after it.
    /// </summary>
    StrayHeader,

    /// <summary>
    /// The device's transceiver is stuck sending: bursts of noise go out every few milliseconds, on
    /// top of whatever the others on its line say, and the device itself answers nothing.
    /// </summary>
    Jam,
}
