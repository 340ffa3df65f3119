namespace VirtualFirewall.Engine.Sessions;

/// <summary>`FLOW` for a regular session, `PRED` for a predict (ALG pinhole) session.</summary>
public enum SessionType : byte
{
    Flow,
    Predict,
}
