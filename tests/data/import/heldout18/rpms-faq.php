<?php
/**
 * Template part for FAQ
 * 
 *
 */

?>


<section class="faq pt-5 pb-5 mx-3" itemscope itemtype="https://schema.org/FAQPage">
    <div class="container">
        <div class="row row-title mt-3">
            <h2>FAQ - <strong>najczęściej zadawane pytania</strong></h2>
        </div>
        <div class="row">
            <div class="col-lg-12">
                <div class="accordion" id="accordionExample">
                    <div class="card show" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header show" id="headingOne">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left" type="button" data-toggle="collapse"
                                    data-target="#collapseOne" aria-expanded="true" aria-controls="collapseOne"
                                    itemprop="name">
                                    W jaki sposób można umówić się z prawnikiem (radcą prawnym / adwokatem / doradcą
                                    podatkowym)?
                                </button>
                            </h3>
                        </div>

                        <div id="collapseOne" class="collapse show" aria-labelledby="headingOne"
                            data-parent="#accordionExample" itemscope itemprop="acceptedAnswer"
                            itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Staramy się zawsze być możliwie jak najbliżej naszego Klienta dlatego udostępniamy
                                szereg wygodnych rozwiązań jeśli chodzi o kontakt zależnie od preferencji. W godzinach
                                pracy jesteśmy dostępni zarówno telefonicznie jak i za pomocą e-maili, a także
                                formularza kontaktowego znajdującego się w zakładce “Kontakt”.
                                Udostępniamy też możliwość zamówienia rozmowy za pomocą wygodnego formularza on-line.
                                Wszystko po to by jeszcze lepiej i szybciej doradzać naszym Klientom.

                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="headingTwo">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapseTwo" aria-expanded="false"
                                    aria-controls="collapseTwo" itemprop="name">
                                    Czy wstępna analiza sprawy jest odpłatna?
                                </button>
                            </h3>
                        </div>
                        <div id="collapseTwo" class="collapse" aria-labelledby="headingTwo"
                            data-parent="#accordionExample" itemscope itemprop="acceptedAnswer"
                            itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                By zaoferować najlepszą jakość świadczonych przez nas usług wstępna analiza sprawy jest
                                bezpłatna. Wysłuchujemy, przeprowadzamy analizę korzystając z doświadczenia naszych
                                radców prawnych, rzeczników patentowych i doradców podatkowych, a następnie przygotujemy
                                stosowną odpowiedź. W ramach odpowiedzi na złożone zapytanie proponujemy kroki, które
                                należałoby poczynić w danej sprawie, jakie są zagrożenia oraz wskazujemy jaki byłby
                                ewentualny koszt powierzenia nam prowadzenia tej sprawy.


                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="headingThree">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapseThree" aria-expanded="false"
                                    aria-controls="collapseThree" itemprop="name">
                                    Jakie dokumenty należy przygotować, by rozpocząć analizę?

                                </button>
                            </h3>
                        </div>
                        <div id="collapseThree" class="collapse" aria-labelledby="headingThree"
                            data-parent="#accordionExample" itemscope itemprop="acceptedAnswer"
                            itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Każdy dokument, który może pomóc nam w zrozumieniu sytuacji Klienta będzie przydatny.
                                Zależnie od sprawy nasi doradcy wskażą jakie dokładnie dokumenty należałoby przygotować
                                w celu sprawnego przeprowadzenia analizy. Ponadto po przeprowadzonej analizie dodatkowo
                                wskazujemy jakie dokumenty należałoby uzyskać jeśli zajdzie taka potrzeba by uczynić
                                postępowanie możliwie szybkim i by zwiększyć szansę na sukces.

                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="heading4">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapse4" aria-expanded="false"
                                    aria-controls="collapse4" itemprop="name">
                                    Jaki jest koszt porady prawnej?
                                </button>
                            </h3>
                        </div>
                        <div id="collapse4" class="collapse" aria-labelledby="heading4" data-parent="#accordionExample"
                            itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Koszt porady oparty jest przede wszystkim o przedmiot, stopień skomplikowania sprawy
                                oraz ilości koniecznych do przeanalizowania dokumentów.
                                Zawsze przy tym staramy się być maksymalnie transparentni w naszych działaniach wobec
                                Klienta dlatego też preferujemy gdy tylko to możliwe ustalać wynagrodzenie ryczałtowe -
                                z góry tak, żeby klient miał świadomość z jakimi konkretnie kosztami musi sie liczyć
                                przekazująć sprawę do obsługi. Uwzględniamy także możliwość ustalenia wynagrodzenia od
                                sukcesu. W przypadku gdy jednak oszacowanie z góry kosztów nie jest możliwe stosujemy
                                wynagrodzenie godzinowe. Tym niemniej nawet wtedy staramy się wskazać mniej więcej
                                wymiar koniecznych godzin na bazie naszego doświadczenia na zasadzie od - do.
                                Gwarantujemy, że powierzając nam sprawę nie natkniesz się na żadne ukryte koszty.
                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="heading5">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapse5" aria-expanded="false"
                                    aria-controls="collapse5" itemprop="name">
                                    Czy istnieje możliwość otrzymania porady prawnej przez telefon?
                                </button>
                            </h3>
                        </div>
                        <div id="collapse5" class="collapse" aria-labelledby="heading5" data-parent="#accordionExample"
                            itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Jak najbardziej jest to możliwe w stosunkowo prostych sprawach, gdzie nie jest wymagana
                                analiza dokumentów. W takich przypadkach możliwe jest poprzestanie na poradzie
                                telefonicznej czy mailowej. Nasi prawnicy indywidualnie ocenią czy zachodzi konieczność
                                analizy dokumentów i zrobią co w ich mocy by jak najlepiej pomóc każdemu dzwoniącemu.
                                Zapraszamy do kontaktu - pomożemy!
                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="heading6">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapse6" aria-expanded="false"
                                    aria-controls="collapse6" itemprop="name">
                                    Czy informacje, które przekazuję kancelarii są bezpieczne?
                                </button>
                            </h3>
                        </div>
                        <div id="collapse6" class="collapse" aria-labelledby="heading6" data-parent="#accordionExample"
                            itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Wszystkie dane przekazywane nam czy to do analizy czy w ramach prowadzonych spraw są w
                                pełni poufne. Z jednej strony zapewniane jest to przez ustawę o radcach prawnych, którą
                                związani są pod odpowiedzialnością nasi prawnicy, jak również z zasad korporacyjnych w
                                tym Kodeksu Etyki. Z drugiej nasza kancelaria ze względu na swoje doświadczenie w branży
                                IT dokłada wszelkich starań i wykorzystuje nowoczesne technologie by zabezpieczyć
                                zasoby. Powierzenie nam sprawy to pewność profesjonalnego jej prowadzenia jak i spokój o
                                bezpieczeństwo poufnych informacji.
                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="heading7">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapse7" aria-expanded="false"
                                    aria-controls="collapse7" itemprop="name">
                                    Czy kancelaria świadczy stałą obsługę prawną przedsiębiorców (firmy)
                                </button>
                            </h3>
                        </div>
                        <div id="collapse7" class="collapse" aria-labelledby="heading7" data-parent="#accordionExample"
                            itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Nasza Kancelaria specjalizuje się w obsłudze korporacyjnej przedsiębiorców. Mamy w
                                swojej ofercie kompleksową obsługę obejmującą m.in fachowe doradztwo na każdym etapie
                                transakcji, opracowywanie projektów uchwał, statutów i umów spółek, sporządzanie opinii
                                prawnych i in., obsługę organów spółek, tworzenie i reorganizację podmiotów
                                gospodarczych, analizy typu due diligence i wiele innych. W każdym przypadku
                                indywidualnie podchodzimy do sprawy zarówno pod kątem obsługi jak i kosztów. Wiemy jak
                                ważna jest dbałość o szczegóły szczególnie w przypadku własnej firmy. Też tak
                                zaczynaliśmy.
                                Dlatego powierzając nam swoją sprawę masz gwarancję kompleksowości i fachowości obsługi,
                                już od pierwszego telefonu.

                            </div>
                        </div>
                    </div>
                    <div class="card" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
                        <div class="card-header" id="heading8">
                            <h3 class="mb-0">
                                <div class="icon"><img
                                        src="http://rpms.craftweb.pl/wp-content/uploads/2021/02/doradztwo.svg" alt="">
                                </div>
                                <button class="btn btn-link btn-block text-left collapsed" type="button"
                                    data-toggle="collapse" data-target="#collapse8" aria-expanded="false"
                                    aria-controls="collapse8" itemprop="name">
                                    Czy kancelaria obsługuje klientów zagranicznych ?
                                </button>
                            </h3>
                        </div>
                        <div id="collapse8" class="collapse" aria-labelledby="heading8" data-parent="#accordionExample"
                            itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
                            <div class="card-body" itemprop="text">
                                Nasza Kancelaria posiada prawdziwie globalne doświadczenie. Nie tylko reprezentujemy
                                naszych Klientów przed zewnętrznymi organami jak instytucje unijne czy EUIPO, WIPO ale
                                również obsługujemy klientów zagranicznych w językach angielskim, niemieckim, włoskim i
                                hiszpańskim.
                                Przygotowujemy pisma, pośredniczymy i kontaktujemy się w tym również zdalnie we
                                wszystkich wspomnianych językach. Ponadto posiadamy sprawdzony i zgrany zespół
                                współpracujących tłumaczy celem zapewnienia w pełni profesjonalnej i kompleksowej
                                obsługi dla każdego z naszych Klientów.
                            </div>
                        </div>
                    </div>
                </div>
            </div>
        </div>
    </div>
</section>