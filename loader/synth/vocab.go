package synth

// The vocabulary titles and texts are drawn from. Titles read
// "<Qualifier> <Domain> <Role noun> (<Sector>)"; the role noun carries
// the rank that orders career paths.

var qualifiers = []string{
	"Regional", "Clinical", "Applied", "Digital", "Municipal", "Industrial",
	"Corporate", "Field", "Strategic", "Technical", "Public", "Private",
	"International", "Urban", "Rural", "Marine", "Civil", "Structural",
	"Quantitative", "Creative", "Commercial", "Operational", "Academic",
	"Forensic", "Environmental", "Medical", "Mobile", "Automated",
	"Integrated", "Sustainable", "Advanced", "General",
}

type domain struct {
	name   string // as in titles: "Banking"
	major  string // classification, broad
	middle string
}

var domains = []domain{
	{"Accounting", "Clerical Occupations", "Accounting Clerks"},
	{"Agriculture", "Agriculture, Forestry and Fishery Occupations", "Agricultural Workers"},
	{"Analytics", "Professional and Engineering Occupations", "Information Processing Engineers"},
	{"Architecture", "Professional and Engineering Occupations", "Architects and Surveyors"},
	{"Audit", "Professional and Engineering Occupations", "Accountants and Auditors"},
	{"Aviation", "Transport and Machine Operation Occupations", "Aircraft Crew"},
	{"Banking", "Clerical Occupations", "Financial Clerks"},
	{"Biology", "Professional and Engineering Occupations", "Natural Science Researchers"},
	{"Broadcasting", "Professional and Engineering Occupations", "Writers, Reporters and Editors"},
	{"Chemistry", "Professional and Engineering Occupations", "Natural Science Researchers"},
	{"Compliance", "Managerial Occupations", "Corporate and Organizational Executives"},
	{"Construction", "Construction and Mining Occupations", "Construction Workers"},
	{"Customs", "Clerical Occupations", "General Clerks"},
	{"Data", "Professional and Engineering Occupations", "Information Processing Engineers"},
	{"Design", "Professional and Engineering Occupations", "Artists and Designers"},
	{"Education", "Professional and Engineering Occupations", "Teachers"},
	{"Electrical", "Production Process Occupations", "Electrical Machinery Workers"},
	{"Energy", "Professional and Engineering Occupations", "Engineers"},
	{"Finance", "Managerial Occupations", "Corporate and Organizational Executives"},
	{"Fisheries", "Agriculture, Forestry and Fishery Occupations", "Fishery Workers"},
	{"Forestry", "Agriculture, Forestry and Fishery Occupations", "Forestry Workers"},
	{"Freight", "Transport and Machine Operation Occupations", "Freight Handlers"},
	{"Geology", "Professional and Engineering Occupations", "Natural Science Researchers"},
	{"Healthcare", "Professional and Engineering Occupations", "Health Care Professionals"},
	{"Hospitality", "Service Occupations", "Accommodation Service Workers"},
	{"Housing", "Sales Occupations", "Real Estate Agents"},
	{"Insurance", "Sales Occupations", "Insurance Agents"},
	{"Intelligence", "Security Occupations", "Security Workers"},
	{"Investment", "Professional and Engineering Occupations", "Financial Specialists"},
	{"Journalism", "Professional and Engineering Occupations", "Writers, Reporters and Editors"},
	{"Labor", "Managerial Occupations", "Other Managerial Occupations"},
	{"Legal", "Professional and Engineering Occupations", "Legal Professionals"},
	{"Library", "Professional and Engineering Occupations", "Librarians and Curators"},
	{"Logistics", "Transport and Machine Operation Occupations", "Logistics Workers"},
	{"Maintenance", "Production Process Occupations", "Machine Maintenance Workers"},
	{"Manufacturing", "Production Process Occupations", "Production Workers"},
	{"Marketing", "Sales Occupations", "Sales Workers"},
	{"Media", "Professional and Engineering Occupations", "Writers, Reporters and Editors"},
	{"Mining", "Construction and Mining Occupations", "Mining Workers"},
	{"Museum", "Professional and Engineering Occupations", "Librarians and Curators"},
	{"Nursing", "Professional and Engineering Occupations", "Health Care Professionals"},
	{"Nutrition", "Professional and Engineering Occupations", "Health Care Professionals"},
	{"Patent", "Professional and Engineering Occupations", "Legal Professionals"},
	{"Payroll", "Clerical Occupations", "Accounting Clerks"},
	{"Pharmacy", "Professional and Engineering Occupations", "Health Care Professionals"},
	{"Planning", "Managerial Occupations", "Other Managerial Occupations"},
	{"Policy", "Managerial Occupations", "Administrative Public Officials"},
	{"Procurement", "Clerical Occupations", "General Clerks"},
	{"Publishing", "Professional and Engineering Occupations", "Writers, Reporters and Editors"},
	{"Quality", "Production Process Occupations", "Inspection Workers"},
	{"Railway", "Transport and Machine Operation Occupations", "Railway Workers"},
	{"Real Estate", "Sales Occupations", "Real Estate Agents"},
	{"Recruitment", "Clerical Occupations", "General Clerks"},
	{"Research", "Professional and Engineering Occupations", "Natural Science Researchers"},
	{"Retail", "Sales Occupations", "Sales Workers"},
	{"Safety", "Security Occupations", "Security Workers"},
	{"Security", "Security Occupations", "Security Workers"},
	{"Shipping", "Transport and Machine Operation Occupations", "Ship Crew"},
	{"Software", "Professional and Engineering Occupations", "Information Processing Engineers"},
	{"Statistics", "Professional and Engineering Occupations", "Information Processing Engineers"},
	{"Tax", "Clerical Occupations", "Accounting Clerks"},
	{"Telecom", "Professional and Engineering Occupations", "Engineers"},
	{"Tourism", "Service Occupations", "Travel Service Workers"},
	{"Transport", "Transport and Machine Operation Occupations", "Drivers"},
	{"Water", "Professional and Engineering Occupations", "Engineers"},
	{"Welfare", "Service Occupations", "Social Welfare Workers"},
}

// roleNouns are grouped by rank, from entry level up.
var roleNouns = [][]string{
	{"Trainee", "Apprentice", "Intern"},
	{"Assistant", "Clerk", "Technician", "Operator"},
	{"Officer", "Specialist", "Analyst", "Coordinator", "Engineer"},
	{"Supervisor", "Team Leader", "Consultant", "Inspector"},
	{"Manager", "Section Chief", "Planner"},
	{"Director", "Division Head", "Controller"},
	{"Executive", "Chief Officer", "Commissioner"},
	{"Director-General", "President"},
}

var rankWords = []string{
	"An entry-level", "A support", "A professional", "A supervisory",
	"A managerial", "A senior managerial", "An executive", "A top executive",
}

var sectors = []string{
	"Local Government", "Private Sector", "Public Corporation", "Each Ministry/Agency",
	"Hospital", "School", "Manufacturer", "Trading Company", "Bank", "Nonprofit",
	"Port Authority", "Utility", "University", "Startup", "Cooperative", "Defense",
	"Court", "Broadcaster", "Airline", "Railway Company", "Hotel", "Retailer",
	"Insurer", "Consultancy",
}

var industries = []string{
	"Public Service, Legal & Administration", "Finance & Insurance", "Manufacturing & Engineering",
	"Healthcare & Welfare", "Information & Communications", "Transport & Logistics",
	"Education & Research", "Construction & Real Estate", "Retail & Hospitality",
	"Media & Culture", "Energy & Utilities", "Agriculture & Environment",
}

// generic are roles that career paths name but no document describes;
// "%s" is the domain. They become the hubs of the graph, like "Section
// Chief" in the seeds.
var genericByRank = [][]string{
	{"%s Trainee", "Management Trainee", "New Graduate Hire"},
	{"Junior %s Staff", "Administrative Assistant", "Clerical Staff"},
	{"%s Staff", "Team Member", "Staff Member"},
	{"Senior %s Staff", "Team Leader", "Assistant Section Chief"},
	{"Section Chief", "%s Department Manager", "Deputy Director"},
	{"%s Department Head", "Division Director", "Bureau Director"},
	{"Executive Officer", "%s Board Member", "Board Director"},
	{"Chief Executive", "Chairperson", "Representative Director"},
}

var kana = []rune("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽゃゅょっー")

var traits = []string{
	"Calm and composed", "Cooperative", "Curious", "Detail-oriented", "Fair-minded",
	"Flexible and Adaptable", "Good at coordination", "Has leadership", "Has stress tolerance",
	"Has strategic thinking", "Honest", "Independent", "Patient", "Persistent",
	"Strong sense of responsibility", "Excellent communication skills", "Logical",
	"Proactive", "Sociable", "Meticulous", "Creative", "Service-minded",
	"High ethical standards", "Decisive", "Open-minded", "Resilient", "Organized",
	"Empathetic", "Hard-working", "Punctual", "Eager to learn", "Even-tempered",
}

var workStyles = []string{
	"24-hour Shift", "Business trips", "Event handling", "Flexitime", "Full-time",
	"Full-time employment", "Indoor Work", "Long working hours", "Meeting Coordination Duties",
	"Office Work", "Outdoor Work", "Remote Hybrid", "Remote Work", "Shift Work",
	"Transfers", "Weekend Work", "Night Shifts", "Frequent Business Trips", "Fieldwork",
	"Part-time", "Contract Employment", "On-call Duty", "Seasonal Work", "Overseas Assignments",
}

var skills = []string{
	"Administrative Operations Knowledge", "Budget Management", "Coordination skills",
	"Crisis Management", "Customer Service", "Data Analysis", "Document preparation",
	"Facilitation", "Financial Analysis", "Fundraising", "IT Literacy", "Labor law knowledge",
	"Language skills", "Media relations", "Meeting management", "Negotiation skills",
	"Network Building", "Official Document Creation", "Organization management",
	"People Management", "Policy planning and analysis", "Presentation skills",
	"Project Management", "Public Relations", "Quality Control", "Regulatory Compliance",
	"Report Writing", "Risk management", "Safety Management", "Sales Skills",
	"Scheduling", "Statistical Analysis", "Supply Chain Knowledge", "Technical Writing",
	"Time Management", "Training and Mentoring", "Vendor Management", "Accounting Knowledge",
	"Contract Management", "Process Improvement", "Spreadsheet Skills", "Programming",
	"Database Management", "Cloud Infrastructure", "Machine Operation", "Equipment Maintenance",
	"First Aid", "Inspection Techniques", "Drafting and CAD", "Research Methods",
	"Interviewing", "Stakeholder Management", "Change Management", "Strategic Planning",
	"Market Research", "Editing and Proofreading", "Inventory Management", "Logistics Planning",
	"Environmental Regulations", "Legal Research", "Counselling", "Event Planning",
}

var aptitudes = []string{
	"Adaptability", "Analytical & Logical Thinking", "Attention to Detail & Accuracy",
	"Communication Skills", "Initiative & Leadership", "Planning & Organization",
	"Problem Solving", "Stress Tolerance", "Collaboration & Teamwork", "Creativity",
	"Customer Orientation", "Integrity & Ethics", "Numerical Ability", "Patience & Perseverance",
	"Sense of Responsibility", "Curiosity & Learning",
}

var weaknesses = []string{
	"Physical Stamina & Endurance", "Manual Dexterity", "Spatial Awareness", "Creativity",
	"Language Skills",
}

var reasons = []string{
	"Because coordination with %s occurs frequently.",
	"To handle complex %s work accurately and on schedule.",
	"Essential for working with %s.",
	"Because the role carries responsibility for %s.",
	"Needed to respond quickly to changes in %s.",
	"Because decisions affect %s directly.",
	"Mainly desk work and meetings, with low physical demands in %s.",
	"To advance %s work in collaboration with diverse stakeholders.",
}

var qualifications = []string{
	"National Public Service Examination (Category I)", "Certified Public Accountant",
	"Certified Fire Prevention Manager", "Class 1 Architect", "Registered Dietitian",
	"Information Technology Passport", "Fundamental Information Technology Engineer",
	"Licensed Tax Accountant", "Social Insurance Labor Consultant", "Real Estate Notary",
	"Forklift Operator License", "Hazardous Materials Handler", "Electrician (Class 2)",
	"Pharmacist License", "Registered Nurse", "Teacher's License", "Librarian Qualification",
	"Curator Qualification", "Patent Attorney", "Customs Specialist", "TOEIC 800+",
	"Bookkeeping Certificate (Grade 2)", "Project Management Professional",
	"Occupational Health and Safety Consultant", "Radio Operator License",
}

var tasks = []string{
	"budget formulation", "staff management", "quality assurance", "policy planning",
	"contract negotiation", "regulatory compliance", "customer relations", "risk assessment",
	"data collection and reporting", "scheduling and dispatch", "procurement of materials",
	"inspection of facilities", "training of new staff", "coordination with other departments",
	"preparation of official documents", "public relations", "crisis response",
	"inventory control", "process improvement", "performance evaluation",
	"stakeholder consultation", "field surveys", "technical support", "project oversight",
	"market analysis", "record keeping", "equipment maintenance", "safety audits",
	"service planning", "information security", "community outreach", "strategy formulation",
}

var stakeholders = []string{
	"residents", "clients", "suppliers", "regulators", "management", "union members",
	"partner organizations", "field staff", "other ministries", "investors", "patients",
	"students", "contractors", "local businesses", "the media", "auditors",
}

var sentences = []string{
	"%[1]ss are responsible for %[3]s and %[4]s in the %[2]s field.",
	"They coordinate with %[5]s and %[6]s to keep operations running smoothly.",
	"Day-to-day duties include %[3]s, %[4]s and %[7]s.",
	"In %[8]s settings, the work also involves %[7]s and close contact with %[5]s.",
	"Specialized knowledge of %[2]s and sound judgment in %[3]s are required.",
	"The role demands accuracy in %[4]s and the ability to explain decisions to %[6]s.",
	"Experience in %[7]s is valued, and many move on to broader responsibilities in %[2]s.",
	"Workloads peak around reporting deadlines, when %[3]s and %[4]s must be completed in parallel.",
	"They also build relationships with %[5]s, handle inquiries and resolve disputes.",
	"Recent reforms have made %[7]s and digital tools a growing part of the job.",
	"The position offers fulfilment in improving %[2]s services for %[6]s.",
	"Teamwork matters: %[3]s depends on information shared by %[5]s.",
}

var outlooks = []string{
	"Demand for experienced %s personnel is expected to remain stable.",
	"Digitalization is changing %s work, and people who combine domain knowledge with data skills will be sought after.",
	"An aging workforce in %s means openings for mid-career hires will increase.",
	"Automation will take over routine tasks in %s, shifting the role towards planning and coordination.",
	"Regulatory changes are raising the importance of compliance expertise in %s.",
	"Competition for skilled %s staff is intensifying, particularly in urban areas.",
}

var tags = []string{
	"management", "public sector", "private sector", "shift work", "licensed",
	"office", "field", "technical", "customer-facing", "remote-friendly",
}
