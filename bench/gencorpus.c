/*
** gencorpus.c: deterministic generator of a synthetic Arabic news corpus
** (bench/ tool, not part of the library).
**
**   gencorpus [--docs N] [--mb N] [--seed S] [--bad]
**
** Writes JSON lines {"id","date","title","url","text"} to stdout until N
** documents or N megabytes (whichever is given; default 1000 documents).
** Each article is a dateline, 3 to 12 sentences and sometimes page
** furniture (share buttons, "read also" lists).  Sentences come from news
** templates written for wasit's tests and benchmarks, filled with real
** actors, places, weekdays and numbers (Western and Arabic-Indic digits),
** so the corpus exercises actors, verb patterns, dates and casualty counts.
** The same arguments always give the same bytes (xorshift PRNG, no clock).
** --bad mixes in one malformed line every ~50 documents (for tests).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rng { uint64_t s; } rng;

static uint64_t next_u64(rng *r) {
  uint64_t x = r->s;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return r->s = x;
}
static size_t pick(rng *r, size_t n) { return (size_t)(next_u64(r) % n); }
#define PICK(r, arr) (arr)[pick((r), sizeof(arr) / sizeof((arr)[0]))]

/* Actors: governments, leaders, armed forces, organisations. */
static const char *const actors[] = {
    "الجيش الإسرائيلي", "حركة حماس", "الرئيس الأمريكي جو بايدن",
    "وزير الخارجية الروسي سيرغي لافروف", "الرئيس التركي رجب طيب أردوغان",
    "الأمين العام للأمم المتحدة", "الاتحاد الأوروبي", "الحكومة العراقية",
    "قوات الدعم السريع", "الجيش السوداني", "جماعة الحوثي",
    "الرئيس المصري عبد الفتاح السيسي", "ولي العهد السعودي",
    "الجيش الأوكراني", "القوات الروسية", "الحكومة الإيرانية", "حزب الله",
    "الجيش اللبناني", "السلطة الفلسطينية", "أمير قطر", "جامعة الدول العربية",
    "رئيس الوزراء الأرميني", "الرئيس الأذربيجاني إلهام علييف",
    "وزارة الخارجية الأردنية", "الملك عبد الله الثاني", "الرئيس السوري",
    "قوات سوريا الديمقراطية", "تنظيم الدولة الإسلامية", "الجيش الليبي",
    "حكومة الوحدة الوطنية الليبية", "الرئيس التونسي قيس سعيد",
    "الحكومة الجزائرية", "المغرب", "الرئيس الفرنسي إيمانويل ماكرون",
    "المستشار الألماني", "الصين", "وزير الدفاع الأمريكي",
    "مجلس الأمن الدولي", "منظمة الصحة العالمية", "اللجنة الدولية للصليب الأحمر",
    "الشرطة العراقية", "قوات الأمن المصرية", "الحرس الثوري الإيراني",
    "حركة الجهاد الإسلامي", "المعارضة السورية", "البرلمان اللبناني"};

static const char *const places[] = {
    "غزة", "خان يونس", "رفح", "جنين", "نابلس", "القدس", "بيروت", "صور",
    "دمشق", "حلب", "إدلب", "بغداد", "الموصل", "البصرة", "الخرطوم",
    "أم درمان", "الفاشر", "صنعاء", "الحديدة", "عدن", "طرابلس", "بنغازي",
    "القاهرة", "عمان", "الرياض", "الدوحة", "أنقرة", "طهران", "موسكو",
    "كييف", "خاركيف", "باريس", "جنيف", "نيويورك", "يريفان", "باكو",
    "ستيباناكيرت", "تونس", "الجزائر", "الرباط"};

static const char *const weekdays[] = {"السبت", "الأحد", "الاثنين", "الثلاثاء",
                                       "الأربعاء", "الخميس", "الجمعة"};
static const char *const months[] = {
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
    "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
static const char *const agencies[] = {"رويترز", "أ ف ب", "الأناضول", "وام",
                                       "واس", "قنا", "سانا", "وكالات"};

/* Sentence templates.  Slots: A B actors, P place, W weekday, N M numbers,
** D a date "7 أكتوبر 2023". */
static const char *const templates[] = {
    "شن A غارات جوية على مواقع تابعة لـB في P يوم W، ما أسفر عن مقتل N أشخاص وإصابة M آخرين.",
    "التقى A مع B في P لبحث سبل تعزيز التعاون الثنائي والتطورات الإقليمية.",
    "أدان A بشدة الهجوم الذي استهدف B في P، ودعا إلى ضبط النفس.",
    "أعلن A أنه سيستضيف محادثات مع B الأسبوع المقبل في P.",
    "اتهم A B بانتهاك اتفاق وقف إطلاق النار في P.",
    "تظاهر آلاف المواطنين في P يوم W احتجاجا على سياسات A.",
    "استقبل A وفدا رفيع المستوى من B في P.",
    "وقع A وB اتفاقية للتعاون الاقتصادي في P يوم D.",
    "هدد A بفرض عقوبات جديدة على B إذا لم يتوقف التصعيد.",
    "دعا A B إلى الانسحاب الفوري من P.",
    "قال A إن B قصف مواقع مدنية في P يوم W.",
    "اعتقلت قوات الأمن في P N أشخاص يشتبه في انتمائهم إلى B.",
    "رفض A مقترحا قدمه B لتسوية النزاع.",
    "أجرى A اتصالا هاتفيا مع B تناول التطورات الأخيرة في P.",
    "طالب A B بالإفراج عن المعتقلين دون شروط.",
    "أرسل A مساعدات إنسانية إلى P تشمل أغذية وأدوية.",
    "نفى A صحة التقارير التي تحدثت عن هجوم على B في P.",
    "أشاد A بجهود B في الوساطة بين الأطراف المتنازعة.",
    "قتل N مدنيين في قصف مدفعي استهدف P فجر W، بحسب مصادر طبية.",
    "انفجرت سيارة مفخخة في P ما أدى إلى سقوط N قتلى وM جرحى.",
    "أكد A دعمه الكامل لـB في مواجهة التحديات الأمنية.",
    "حذر A من أن استمرار العمليات العسكرية في P سيؤدي إلى كارثة إنسانية.",
    "استدعت وزارة الخارجية سفير B احتجاجا على تصريحات A.",
    "اشتبك مسلحون من B مع A في ضواحي P مساء W.",
    "أعلن A مقتل N من عناصر B في عملية عسكرية قرب P.",
    "وصل A إلى P في زيارة رسمية تستمر يومين يلتقي خلالها B.",
    "ناقش A وB خلال لقائهما في P ملف اللاجئين وإعادة الإعمار.",
    "فرض A عقوبات على شخصيات مرتبطة بـB.",
    "أطلق B صواريخ باتجاه P، ولم ترد أنباء عن إصابات.",
    "تعهد A بتقديم N مليون دولار لدعم جهود الإغاثة في P.",
    "قطع A العلاقات الدبلوماسية مع B.",
    "رحب A بالإعلان عن هدنة إنسانية في P.",
    "أصيب M شخصا بجروح في مواجهات بين المحتجين والشرطة في P.",
    "أفرج A عن N معتقلين في إطار صفقة تبادل مع B.",
    "وافق A على استئناف المفاوضات مع B في P.",
    "انتقد A بشدة قرار B بإغلاق المعابر الحدودية.",
    "قال مسؤول في A إن قوات B داهمت منازل في P واعتقلت عددا من الشبان.",
    "في D، اجتاحت قوات A مدينة P بعد معارك عنيفة مع B.",
    "يعتزم A زيارة P الشهر المقبل للقاء B.",
    "إذا استمر القصف فإن A سيرد بقوة على B، وفق ما نقلت وسائل إعلام.",
    "أسقطت الدفاعات الجوية التابعة لـA طائرة مسيرة أطلقها B فوق P.",
    "جدد A دعوته إلى حل سلمي للأزمة في P عبر الحوار.",
    "عقد مجلس الأمن جلسة طارئة بطلب من A لبحث الأوضاع في P.",
    "قدم A شكوى رسمية ضد B إلى الأمم المتحدة.",
    "لقي N أشخاص حتفهم وأصيب M آخرون في هجوم بطائرة مسيرة على سوق في P.",
    "أعرب A عن قلقه البالغ إزاء تدهور الأوضاع الإنسانية في P.",
    "نظم أنصار B مسيرة حاشدة في P رفعوا خلالها شعارات مناهضة لـA.",
    "أكدت مصادر محلية أن A قصف أحياء سكنية في P بالمدفعية الثقيلة.",
    "بحث A مع B سبل إيصال المساعدات إلى P.",
    "اغتيل قيادي في B بغارة نفذها A في P مساء W."};

/* Page furniture written around some articles. */
static const char *const furniture[] = {
    "شارك هذا الخبر على فيسبوك تويتر واتساب",
    "تابعونا على تطبيق تلغرام",
    "جميع الحقوق محفوظة ©",
    "المصدر: وكالات",
    "اشترك في النشرة البريدية"};
static const char *const readalso[] = {"اقرأ أيضا:", "اقرأ أيضاً", "مواضيع ذات صلة"};

static const char *const digits_ar[] = {"٠", "١", "٢", "٣", "٤",
                                        "٥", "٦", "٧", "٨", "٩"};

static void put_number(rng *r, char *out, size_t cap, int max) {
  int n = 2 + (int)pick(r, (size_t)max);
  if (pick(r, 5) == 0) { /* Arabic-Indic digits */
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%d", n);
    out[0] = '\0';
    for (char *p = tmp; *p; p++) strncat(out, digits_ar[*p - '0'], cap - strlen(out) - 1);
  } else {
    snprintf(out, cap, "%d", n);
  }
}

/* Append one filled template to out (JSON-escaped: templates hold no
** quotes or backslashes, so only the text is copied). */
static void sentence(rng *r, char *out, size_t cap, int year) {
  const char *t = PICK(r, templates);
  const char *a = PICK(r, actors), *b = PICK(r, actors);
  while (b == a) b = PICK(r, actors);
  size_t n = strlen(out);
  for (const char *p = t; *p && n + 128 < cap; p++) {
    char buf[96];
    const char *ins = NULL;
    switch (*p) {
    case 'A': ins = a; break;
    case 'B': ins = b; break;
    case 'P': ins = PICK(r, places); break;
    case 'W': ins = PICK(r, weekdays); break;
    case 'N': put_number(r, buf, sizeof buf, 60); ins = buf; break;
    case 'M': put_number(r, buf, sizeof buf, 150); ins = buf; break;
    case 'D':
      snprintf(buf, sizeof buf, "%d %s %d", 1 + (int)pick(r, 28),
               PICK(r, months), year);
      ins = buf;
      break;
    default: out[n++] = *p; continue;
    }
    size_t m = strlen(ins);
    memcpy(out + n, ins, m);
    n += m;
  }
  out[n] = '\0';
}

int main(int argc, char **argv) {
  long docs = -1;
  double mb = -1;
  uint64_t seed = 20231007;
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--docs") == 0 && i + 1 < argc) docs = atol(argv[++i]);
    else if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) mb = atof(argv[++i]);
    else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      seed = strtoull(argv[++i], NULL, 10) | 1;
    else if (strcmp(argv[i], "--bad") == 0) bad = 1;
    else {
      fprintf(stderr, "usage: gencorpus [--docs N] [--mb N] [--seed S] [--bad]\n");
      return 2;
    }
  }
  if (docs < 0 && mb < 0) docs = 1000;
  rng r = {seed * 0x9E3779B97F4A7C15ull | 1};
  static char text[32768];
  double bytes = 0;
  for (long d = 0;; d++) {
    if (docs >= 0 && d >= docs) break;
    if (mb >= 0 && bytes >= mb * 1e6) break;
    int year = 2015 + (int)pick(&r, 10);
    int month = 1 + (int)pick(&r, 12), day = 1 + (int)pick(&r, 28);
    const char *place = PICK(&r, places);
    snprintf(text, sizeof text, "%s - %d %s %d (%s) - ", place, day,
             months[month - 1], year, PICK(&r, agencies));
    int ns = 3 + (int)pick(&r, 10);
    for (int s = 0; s < ns; s++) {
      if (s > 0) strcat(text, pick(&r, 3) == 0 ? "\\n" : " ");
      sentence(&r, text, sizeof text - 512, year);
    }
    int furn = (int)pick(&r, 6);
    if (furn == 0) {
      strcat(text, "\\n");
      strcat(text, PICK(&r, furniture));
    } else if (furn == 1) {
      strcat(text, "\\n");
      strcat(text, PICK(&r, readalso));
      strcat(text, "\\n");
      sentence(&r, text, sizeof text - 512, year);
    }
    char title[512];
    snprintf(title, sizeof title, "%s: %s", place, PICK(&r, actors));
    int n = printf("{\"id\":\"gen-%08ld\",\"date\":\"%04d-%02d-%02d\","
                   "\"title\":\"%s\",\"url\":\"https://news.example/%04d/%ld\","
                   "\"text\":\"%s\"}\n",
                   d, year, month, day, title, year, d, text);
    if (n < 0) return 1;
    bytes += n;
    if (bad && d % 50 == 49) {
      n = printf("{\"id\":\"gen-bad-%ld\",\"text\":\"%s\n", d, place);
      bytes += n;
    }
  }
  return fflush(stdout) == 0 ? 0 : 1;
}
