using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoCare.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Residents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "res_elders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AddressCipher = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    AddressMasked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LivingSituation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    Consents = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NextAssessmentDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_elders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ElderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssessorA = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssessorB = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelFromTotal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Adjustment = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    NextDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_res_assessments_res_elders_ElderId",
                        column: x => x.ElderId,
                        principalTable: "res_elders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_assessments_ElderId_Date",
                table: "res_assessments",
                columns: new[] { "ElderId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_res_elders_IdNumberIndex",
                table: "res_elders",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_elders_VillageCode_Name",
                table: "res_elders",
                columns: new[] { "VillageCode", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_assessments");

            migrationBuilder.DropTable(
                name: "res_elders");
        }
    }
}
