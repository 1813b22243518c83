package source

import "strings"

// socMajorGroups names the 23 major groups of the 2018 Standard
// Occupational Classification by their two-digit code, the first two
// digits of every SOC and O*NET-SOC code. Source: U.S. Bureau of Labor
// Statistics, "2018 Standard Occupational Classification System", major
// groups (https://www.bls.gov/soc/2018/major_groups.htm). O*NET 29.x
// codes are O*NET-SOC 2019 codes, built on SOC 2018.
var socMajorGroups = map[string]string{
	"11": "Management Occupations",
	"13": "Business and Financial Operations Occupations",
	"15": "Computer and Mathematical Occupations",
	"17": "Architecture and Engineering Occupations",
	"19": "Life, Physical, and Social Science Occupations",
	"21": "Community and Social Service Occupations",
	"23": "Legal Occupations",
	"25": "Educational Instruction and Library Occupations",
	"27": "Arts, Design, Entertainment, Sports, and Media Occupations",
	"29": "Healthcare Practitioners and Technical Occupations",
	"31": "Healthcare Support Occupations",
	"33": "Protective Service Occupations",
	"35": "Food Preparation and Serving Related Occupations",
	"37": "Building and Grounds Cleaning and Maintenance Occupations",
	"39": "Personal Care and Service Occupations",
	"41": "Sales and Related Occupations",
	"43": "Office and Administrative Support Occupations",
	"45": "Farming, Fishing, and Forestry Occupations",
	"47": "Construction and Extraction Occupations",
	"49": "Installation, Maintenance, and Repair Occupations",
	"51": "Production Occupations",
	"53": "Transportation and Material Moving Occupations",
	"55": "Military Specific Occupations",
}

// SOCMajorGroup returns the name of the SOC 2018 major group of an
// O*NET-SOC or SOC code ("29-1141.00" → "Healthcare Practitioners and
// Technical Occupations"), or "" when the code starts with no known
// group. The minor and broad groups are not named here: the O*NET text
// release has no file naming them.
func SOCMajorGroup(code string) string {
	major, _, ok := strings.Cut(code, "-")
	if !ok {
		return ""
	}
	return socMajorGroups[major]
}
