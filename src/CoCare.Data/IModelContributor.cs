using Microsoft.EntityFrameworkCore;

namespace CoCare.Data;

/// <summary>A module adds its tables to the one <see cref="AppDbContext"/> through this (registered as a singleton).</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
