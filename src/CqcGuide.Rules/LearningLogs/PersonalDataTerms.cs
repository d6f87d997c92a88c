namespace CqcGuide.Rules.LearningLogs;

/// <summary>
/// The word lists behind <see cref="PersonalDataDetection"/>. They are data, read when the rules' regular expressions are
/// built, and they are folded into the browser module as those expressions.
/// <para>
/// <b>Given names.</b> A hand-compiled list written for CqcGuide (under the project's licence), not a copy of any
/// published list: given names common in England and Wales across the generations a care service meets (people born
/// from the 1920s to the 2000s), including names common among the care workforce's many backgrounds (South Asian,
/// West African, Southern African, Filipino, Keralan, Polish, Romanian, Welsh and Irish names). The choice was guided by
/// the Office for National Statistics' published baby-name rankings for England and Wales (Open Government Licence
/// v3.0); names themselves are facts. Names that are also everyday English words (Grace, Will, Hope, Rose, Mark,
/// Blessing, Victoria...) are in <see cref="WordLikeGivenNames"/>: they count as a name only with a surname, a title or a
/// role beside them.
/// </para>
/// </summary>
public static class PersonalDataTerms
{
    private static string[] Words(string text) =>
        text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Given names that are also everyday words or places: a name only with a surname, a title or a role.</summary>
    public static IReadOnlyList<string> WordLikeGivenNames { get; } = Words("""
        Will Grace Hope Faith Joy Mark Bill Bob Rose Dawn Jack Carol Frank Pat Sue Ray Max Amber Ruby Holly Ivy Daisy Lily
        Iris Violet Hazel Heather Fern Willow Victoria Florence Chelsea Georgia India Paris Sydney Devon Christian Robin
        Olive Pearl Jade Crystal Summer Autumn River Sky Sunny Angel Precious Blessing Gift Comfort Favour Peace Memory
        Charity Mercy Patience Constance Prudence Sandy Penny Kitty Rich Rob Nick Don Dean Guy Glen Dale Drew Gene Art Bobby
        Poppy Honey Cherry Shiny Destiny Harmony Melody Miracle Goodness Oliver Victor Ernest Lee Ken Les Val Jordan
        """);

    /// <summary>Given names that are not also everyday words: one alone is reported as a name.</summary>
    public static IReadOnlyList<string> GivenNames { get; } = Except(Words("""
        Margaret Dorothy Joan Betty Doris Irene Joyce Jean Mary Patricia Barbara Eileen Edna Gladys Vera Elsie Ethel Mabel
        Winifred Hilda Nora Norah Phyllis Marjorie Evelyn Audrey Sheila Shirley Brenda Maureen Sylvia Pauline Valerie Beryl
        Muriel Kathleen Annie Alice Edith Elizabeth Ada Agnes Lilian Lillian Mildred Peggy Rita Maud Freda Gwendoline Gwen
        Glenys Enid Nellie Thelma Maisie Connie Cynthia Marion Marian Elaine Janet Anne Ann Christine Wendy Gillian Jill
        Jacqueline Jackie Deborah Debbie Denise Diane Alison Amanda Samantha Natalie Gemma Kirsty Stacey Leanne Zoe Zoë Megan
        Bethany Abigail Abbie Abbey Ellie Molly Niamh Siobhan Aoife Ciara Bridget Sian Siân Cerys Ffion Rhiannon Bronwen
        Catrin Eleri Nia Olivia Amelia Isla Ava Mia Emily Isabella Isabel Sophia Sophie Ella Freya Evie Chloe Charlotte
        Jessica Lucy Emma Hannah Sarah Sara Laura Rebecca Rachel Amy Katie Kate Katherine Catherine Kathryn Claire Clare
        Lisa Julie Karen Tracey Tracy Michelle Nicola Nicole Helen Joanne Joanna Kelly Donna Angela Susan Linda Jane
        Louise Lucinda Harriet Georgina Eleanor Elena Eva Esther Ruth Naomi Miriam Judith Judy Lesley Lynne Lynn Jennifer
        Jenny Caroline Fiona Heidi Hayley Jodie Kayleigh Chantelle Shannon Courtney Paige Lauren Jasmine Yasmin Leah Tia
        Maria Marie Anna Annette Agnieszka Katarzyna Magdalena Malgorzata Małgorzata Ewa Monika Marta Beata Dorota Irina
        Olga Ioana Andreea Daniela Mariana Elena Roxana Alina Raluca Priya Anjali Sunita Nisha Pooja Asha Deepa Kavita
        Meena Rekha Harpreet Gurpreet Jaspreet Manpreet Parveen Nasreen Shabana Rukhsana Aisha Ayesha Fatima Zainab Maryam
        Amina Khadija Noor Zara Sana Hina Nadia Samira Leila Ngozi Chioma Adaeze Nneka Funmilayo Folasade Abimbola Temitope
        Oluwaseun Yetunde Bukola Titilayo Abena Akua Adwoa Efua Esi Ama Tendai Tatenda Rutendo Nyasha Chipo Farai Tinashe
        Thandiwe Nomvula Zanele Lindiwe Maricel Rowena Jocelyn Marites Rhea Mylene Analyn Jennylyn Rosalie Jincy Bincy Anju
        Sini Jisha Tintu Sreeja Reshma Smitha Lakshmi Geetha Shirin Jolanta Renata Svetlana Natalia Natasha Tatiana
        John William George James Thomas Arthur Frederick Fred Albert Ernest Harold Kenneth Leonard Stanley Walter Charles
        Robert Joseph Henry Alfred Sidney Herbert Percy Cyril Norman Dennis Derek Donald Raymond Ronald Roy Reginald Reg
        Douglas Eric Gordon Geoffrey Jeffrey Keith Brian Peter Michael David Richard Anthony Tony Alan Allan Colin Graham
        Trevor Malcolm Clive Roger Maurice Bernard Gerald Leslie Stuart Stewart Ian Iain Barry Terence Terry Edward Ted
        Harry Jim Jimmy Tom Tommy Billy Wilfred Cecil Horace Archibald Archie Lionel Aubrey Clifford Desmond Vincent
        Howard Philip Phillip Nigel Adrian Julian Kevin Gary Wayne Darren Craig Scott Jason Simon Martin Neil Jonathan
        Timothy Nicholas Christopher Chris Paul Steven Stephen Andrew Matthew Daniel Samuel Benjamin Joshua Jacob Noah
        Charlie Alfie Freddie Oscar Leo Logan Theo Lucas Ethan Liam Ryan Adam Nathan Luke Callum Connor Dylan Owen Rhys
        Gareth Dafydd Emyr Gethin Iwan Huw Aled Sean Seán Ciaran Declan Patrick Kieran Niall Eoin Brendan Liam Jamie Josh
        Jake Kyle Lewis Aaron Bradley Jordan Elliot Toby Harvey Reuben Alexander Alex Sebastian Dominic Marcus Joel Jonah
        Muhammad Mohammed Mohammad Ahmed Ahmad Hassan Hussain Omar Yusuf Ibrahim Ismail Bilal Hamza Imran Tariq Asif Khalid
        Rajesh Sanjay Amit Ravi Deepak Arjun Rohan Vijay Suresh Ramesh Prakash Anil Sunil Manoj Sandeep Harjit Kuldeep
        Chidi Chinedu Emeka Obinna Olumide Adebayo Ayodele Babatunde Oluwafemi Tunde Kwame Kofi Kwabena Yaw Kojo Tafadzwa
        Tapiwa Themba Sipho Rodel Reynaldo Jomon Biju Binu Santhosh Piotr Tomasz Krzysztof Pawel Paweł Marcin Lukasz Łukasz
        Andrzej Wojciech Jakub Mateusz Mihai Florin Bogdan Gheorghe Ionut Andrei Vasile Dmitri Sergei Oleksandr Hamid Reza
        Sarah-Jane Mary-Anne Jean-Paul Sam Tim Jon Joe Ali Ben Dan Jo
        """), WordLikeGivenNames);

    private static string[] Except(string[] words, IReadOnlyList<string> other) => words.Where(w => !other.Contains(w)).ToArray();

    /// <summary>Titles that come before a name.</summary>
    public static IReadOnlyList<string> Titles { get; } = Words("Mrs Mr Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Revd Rev Reverend Fr Cllr Councillor");

    /// <summary>
    /// Care roles and relationships, written in lower case: a capitalised word right after one ("carer Sarah") or a name
    /// followed by ", the ... role" is a person's name.
    /// </summary>
    public static IReadOnlyList<string> Roles { get; } = Words("""
        carer carers worker workers assistant assistants nurse nurses manager managers deputy leader lead resident residents
        relative relatives daughter son wife husband partner mother father mum dad brother sister niece nephew grandson
        granddaughter aunt uncle friend neighbour cousin gp doctor paramedic pharmacist physio physiotherapist therapist
        chef cook housekeeper domestic driver receptionist administrator colleague volunteer visitor student apprentice
        trainee matron coordinator co-ordinator officer inspector assessor consultant dentist optician podiatrist chiropodist
        dietitian surgeon registrar midwife practitioner advocate keyworker supervisor director owner handyman handyperson
        technician caretaker gardener hairdresser chaplain vicar priest imam rabbi client tenant patient member
        """);

    /// <summary>
    /// Words that are never part of a person's name when capitalised: months, weekdays, titles, roles, guidance and care
    /// vocabulary, places and organisations, and common words that start sentences. A run of capitalised words that contains
    /// one of them is a term or a place, not a person ("Registered Manager", "Example House", "Duty of Candour").
    /// </summary>
    public static IReadOnlyList<string> NotNames { get; } = Words("""
        January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
        Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Eid Diwali Boxing
        Mrs Mr Ms Miss Mx Dr Prof Professor Sir Dame Lady Lord Revd Rev Reverend Fr Cllr Councillor St Saint
        Carer Carers Worker Workers Assistant Assistants Nurse Nurses Manager Managers Deputy Leader Lead Leads Resident
        Residents Relative Relatives Daughter Son Wife Husband Partner Partners Mother Father Mum Dad Brother Sister Niece
        Nephew Friend Friends Neighbour Cousin Doctor Doctors Paramedic Paramedics Pharmacist Physio Physiotherapist
        Therapist Therapists Chef Cook Housekeeper Housekeeping Domestic Domestics Driver Receptionist Administrator Admin
        Colleague Colleagues Volunteer Volunteers Visitor Visitors Student Students Apprentice Trainee Matron Coordinator
        Officer Officers Inspector Inspectors Assessor Consultant Dentist Optician Podiatrist Chiropodist Dietitian Surgeon
        Registrar Midwife Practitioner Practitioners Advocate Advocates Keyworker Supervisor Director Directors Owner Owners
        Handyman Technician Caretaker Gardener Hairdresser Chaplain Client Clients Tenant Tenants Patient Patients Member
        Members Staff People Person Persons Family Families Team Teams Senior Junior Night Day Days Evening Morning Afternoon
        Weekend Weekends Shift Shifts Bank Agency Registered Nominated Individual Provider Providers Owner Acting Interim
        Head Chief Executive Operations Operational Area Regional Quality Governance Compliance Clinical Care Caring Support
        Supported Living Home Homes House Houses Lodge Court Hall Manor Grange Gardens Garden Park Road Street Lane Way Avenue
        Close Drive Place Square Crescent Terrace Hill View Green Mews Walk Row Hospital Hospitals Trust Trusts Council
        Councils Authority Authorities Surgery Practice Centre Center Clinic Unit Units Ward Wards Wing Floor Suite Lounge
        Room Rooms Kitchen Office Station Church Chapel Mosque Temple School College University Academy Institute Library
        Hotel Pharmacy Pharmacies Hospice Nursing Residential Domiciliary Community Communities District Borough County City
        Town Village North South East West Northern Southern Eastern Western Upper Lower Central Greater Royal General
        National International British English Welsh Scottish Irish England Wales Scotland Ireland Britain London Example
        Commission Duty Candour Mental Capacity Act Acts Deprivation Liberty Safeguards Safeguarding Learning Disability
        Disabilities Key Lines Enquiry Enquiries Single Assessment Assessments Framework Statement Statements Local Integrated
        Board Boards Commissioning Group Groups Speech Language Multi Multidisciplinary Disciplinary Safety Incident Incidents
        Response Responses Learn Events Event Freedom Speak Up Guardian Positive Behaviour Person-Centred Centred Plan Plans
        Planning Risk Risks Medication Medications Medicine Medicines Administration Record Records Recording Controlled
        Drugs Drug Falls Fall Prevention Infection Control Moving Handling Fire Food Hygiene Health Healthcare Environmental
        Adults Adult Social Services Service Police Ambulance Foundation College Midwifery Professions Skills Certificate
        Excellence Department Equality Human Rights Data Protection Regulation Regulations Information Commissioner Office
        After Action Review Reviews Reviewed Root Cause Causes Analysis Swarm Huddle Huddles Thematic Policy Policies Procedure
        Procedures Protocol Protocols Guidance Guide Guideline Guidelines Standard Standards Schedule Section Sections Part
        Appendix Question Questions Safe Effective Responsive Well Well-led Led Outstanding Good Requires Improvement
        Improvements Inadequate Rating Ratings Inspection Inspections Report Reports Reporting Audit Audits Chart Charts Score
        Scores Scale Scales Tool Tools Form Forms Log Logs Journal Meeting Meetings Committee Forum Handover Handovers Sheet
        Sheets Checklist Checklists Training Induction Supervision Supervisions Appraisal Appraisals Competency Competencies
        Rota Rotas Call Calls Bell Bells Alarm Alarms Sensor Sensors Mat Mats Hoist Hoists Sling Slings Wheelchair Bed Beds
        Bathroom Toilet Dining Activity Activities Reception Corridor Stairs Lift Entrance Exit Door Doors Window Windows
        Oxygen Pressure Ulcer Ulcers Wound Wounds Dementia Diabetes Stroke Sepsis Covid Influenza Flu Vaccine Vaccination
        Nutrition Hydration Fluid Fluids Weight Weights Blood Tissue Viability Continence Catheter Epilepsy Seizure Seizures
        Choking Dysphagia Diet Diets Texture Modified Level Levels Stage Phase Step Steps Version Edition Appendix Annex
        Notification Notifications Notice Alert Alerts Concern Concerns Complaint Complaints Compliment Compliments Feedback
        Survey Surveys Action Actions Outcome Outcomes Finding Findings Factor Factors Evidence Measure Measures Target Targets
        Date Dates Time Times Week Weeks Month Months Year Years Today Yesterday Tomorrow Tonight Midnight Noon Overnight
        New Old Next Last First Second Third Fourth Fifth Final Other Another Each Every All Any Some Many Most Few Several
        Both Either Neither None No Nobody Noone Nothing Everyone Everybody Everything Someone Somebody Something Anyone
        One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Hundred Half Quarter Once Twice
        The This That These Those There Here It Its He She They Them Their Theirs His Her Hers We Our Ours Us You Your I
        My Me Mine Who Whom Whose Which What When Where Why How While Whilst Whether If Unless Until Till Since Because As
        Although Though However Therefore Thus Also Then Than Now Still Yet Just Only Even Again Already Always Never Often
        Sometimes Usually Normally Generally Currently Recently Previously Initially Finally Eventually Immediately Later
        Earlier Afterwards Meanwhile Unfortunately Fortunately Luckily Sadly Overall Instead Otherwise Indeed Perhaps
        Please Thank Thanks Yes Not Nor Or And But So For From With Without Within Into Onto Upon Over Under Above Below
        Before During Following Throughout Across Along Around Among Between Beyond Behind Beside Near Off On In At By To Of
        Out About Against Toward Towards Via Per Like Unlike Despite Except Including Regarding
        A An Is Are Was Were Be Been Being Have Has Had Do Does Did Can Could May Might Must Shall Should Would Will
        Note Notes Summary Background Introduction Conclusion Conclusions Recommendation Recommendations Lessons Lesson What
        Happened Changed Change Changes Worked Went Wrong Right Well Better Best Worse Worst Next Steps Who
        Sunday Bank Holiday Holidays Christmas New Year Spring Summer Autumn Winter Term
        Introduce Introduced Make Made Agree Agreed Update Updated Add Added Check Checked Ensure Ensured Share Shared Use
        Used Provide Provided Create Created Replace Replaced Install Installed Write Wrote Written Set Hold Held Ask Asked
        Start Started Stop Stopped Remove Removed Fix Fixed Test Tested Brief Briefed Repeat Repeated Discuss Discussed
        Monitor Monitored Tell Told Give Gave Keep Kept Move Moved Buy Bought Train Trained Teach Taught Raise Raised Call
        Called Contact Contacted Visit Visited Found Find Reported Recorded Noted Seen See Saw
        NHS GP GPs CQC ICB ICS MDT MAR MARs PRN DNACPR ReSPECT RESTORE NEWS UK EU
        """);

    /// <summary>
    /// Capitalised words that name a kind of place or organisation: a given name right before one is part of a place
    /// name ("Elizabeth Ward", "Alexandra Palace"), not a person.
    /// </summary>
    public static IReadOnlyList<string> PlaceWords { get; } = Words("""
        House Houses Lodge Court Hall Manor Grange Gardens Garden Park Road Street Lane Way Avenue Close Drive Place Square
        Crescent Terrace Hill View Green Mews Walk Row Hospital Trust Council Surgery Practice Centre Center Clinic Unit Ward
        Wing Floor Suite Lounge Room Station Church Chapel School College University Academy Institute Library Hotel Pharmacy
        Hospice Palace Bridge Building Buildings Care Home Homes Medical Health Primary Infirmary Memorial Foundation
        """);

    /// <summary>
    /// Terms that contain a person's name but are not about a person in the log: guidance, tools, campaigns and conditions
    /// named after people, and places every care service knows. A finding inside one of these is not reported.
    /// </summary>
    public static IReadOnlyList<string> KnownTerms { get; } =
    [
        "Florence Nightingale", "Mary Seacole", "Oliver McGowan", "Abbey Pain Scale", "Abbey pain scale", "Waterlow", "Braden",
        "Glasgow Coma Scale", "Bristol Stool", "Martha's Rule", "Martha’s Rule", "Jess's Rule", "Jess’s Rule", "Herbert Protocol",
        "Philomena Protocol", "Winterbourne View", "Whorlton Hall", "Mid Staffordshire", "Francis Report", "Gosport", "Shipman",
        "Alzheimer", "Parkinson", "Huntington", "Crohn", "Addison", "Lewy", "Korsakoff", "Asperger", "Tourette", "Down's syndrome",
        "Down’s syndrome", "Marie Curie", "St John Ambulance", "Macmillan", "Sue Ryder", "Joseph Rowntree", "Nuffield Trust",
        "King's Fund", "King’s Fund", "Elizabeth Finn", "Queen Elizabeth", "Queen Victoria", "King George", "Prince Charles",
        "Princess Royal", "Prince of Wales", "Princess Alexandra", "Royal Albert", "Duchess of Kent",
    ];
}
